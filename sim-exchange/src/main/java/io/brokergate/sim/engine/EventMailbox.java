package io.brokergate.sim.engine;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Decouples one listener from the engine thread: the engine appends events (never blocks), and at
 * most one drain task at a time runs on the listener's executor, delivering in order, in batches, so
 * a shared executor is not monopolised. Over capacity, market data is dropped; order updates and
 * executions are always kept.
 */
final class EventMailbox implements SimEventListener, ListenerRegistration {

    private static final Logger LOG = Logger.getLogger(EventMailbox.class);
    private static final int BATCH = 256;

    private final SimEventListener target;
    private final Executor executor;
    private final int capacity;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Runnable onClose;
    private volatile boolean closed;

    EventMailbox(SimEventListener target, Executor executor, int capacity, Runnable onClose) {
        this.target = target;
        this.executor = executor;
        this.capacity = capacity;
        this.onClose = onClose;
    }

    /** An order update and the fill that caused it, queued as one event. */
    private record OrderEvent(OrderDetail order, Execution fill) {
    }

    @Override
    public void onOrderUpdate(OrderDetail order, Execution fill) {
        offer(new OrderEvent(order, fill), true);
    }

    @Override
    public void onExecution(Execution execution) {
        offer(execution, true);
    }

    @Override
    public void onQuote(Quote quote) {
        offer(quote, false);
    }

    @Override
    public void onDepth(Depth depth) {
        offer(depth, false);
    }

    @Override
    public void onTrade(TradeTick trade) {
        offer(trade, false);
    }

    private void offer(Object event, boolean mustDeliver) {
        if (closed) {
            return;
        }
        if (!mustDeliver && size.get() >= capacity) {
            dropped.incrementAndGet();
            return;
        }
        queue.add(event);
        size.incrementAndGet();
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                LOG.warn("listener executor rejected delivery; closing the listener", e);
                close();
            }
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH && !closed; i++) {
                Object event = queue.poll();
                if (event == null) {
                    break;
                }
                size.decrementAndGet();
                deliver(event);
            }
        } finally {
            scheduled.set(false);
            // An event added after our last poll found the flag still set and did not schedule: do it now.
            if (!closed && !queue.isEmpty()) {
                schedule();
            }
        }
    }

    private void deliver(Object event) {
        try {
            if (event instanceof OrderEvent) {
                OrderEvent e = (OrderEvent) event;
                target.onOrderUpdate(e.order(), e.fill());
            } else if (event instanceof Execution) {
                target.onExecution((Execution) event);
            } else if (event instanceof Quote) {
                target.onQuote((Quote) event);
            } else if (event instanceof Depth) {
                target.onDepth((Depth) event);
            } else if (event instanceof TradeTick) {
                target.onTrade((TradeTick) event);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "sim-exchange listener %s failed", target);
        }
    }

    @Override
    public long droppedEvents() {
        return dropped.get();
    }

    @Override
    public int pendingEvents() {
        return size.get();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.clear();
            size.set(0);
            onClose.run();
        }
    }
}

package io.brokergate.longport.it;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.PushListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Records what a push session delivers and lets a test wait, with a deadline, until a condition
 * holds. Callbacks run on the session's event loop: they only append and notify.
 */
final class Recorder implements PushListener {

    private final Map<InstrumentId, Integer> quoteCounts = new HashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<Execution> executions = new ArrayList<>();
    private final List<ConnectionState> states = new ArrayList<>();
    /** Orders and states in delivery order, e.g. {@code order 12 FILLED}, {@code state RESTORED}. */
    private final List<String> events = new ArrayList<>();
    private int quotes;
    private Depth lastDepth;
    private int ticks;

    @Override
    public synchronized void onQuote(Quote q) {
        quotes++;
        quoteCounts.merge(q.instrument(), 1, Integer::sum);
        notifyAll();
    }

    @Override
    public synchronized void onDepth(Depth d) {
        lastDepth = d;
        notifyAll();
    }

    @Override
    public synchronized void onTrades(List<TradeTick> t) {
        ticks += t.size();
        notifyAll();
    }

    synchronized Depth lastDepth() {
        return lastDepth;
    }

    synchronized int ticks() {
        return ticks;
    }

    @Override
    public synchronized void onOrder(Order o) {
        orders.add(o);
        events.add("order " + o.orderId() + " " + o.status());
        notifyAll();
    }

    @Override
    public synchronized void onExecution(Execution e) {
        executions.add(e);
        notifyAll();
    }

    @Override
    public synchronized void onConnectionState(ConnectionState s, String detail) {
        states.add(s);
        events.add("state " + s);
        notifyAll();
    }

    synchronized int quotes(InstrumentId id) {
        return quoteCounts.getOrDefault(id, 0);
    }

    synchronized int quotes() {
        return quotes;
    }

    synchronized List<Order> orders(String orderId) {
        return orders.stream().filter(o -> o.orderId().equals(orderId)).toList();
    }

    synchronized List<Execution> executions(String orderId) {
        return executions.stream().filter(e -> e.orderId().equals(orderId)).toList();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized List<ConnectionState> states() {
        return List.copyOf(states);
    }

    Order awaitOrder(String orderId, Predicate<Order> condition, Duration timeout) {
        return await(() -> {
            for (Order o : orders(orderId)) {
                if (condition.test(o)) {
                    return o;
                }
            }
            return null;
        }, timeout, "order " + orderId + " in the expected state; seen " + orders(orderId));
    }

    void awaitQuotes(InstrumentId id, int atLeast, Duration timeout) {
        await(() -> quotes(id) >= atLeast ? Boolean.TRUE : null, timeout, atLeast + " quotes of " + id);
    }

    void awaitState(ConnectionState state, int occurrences, Duration timeout) {
        await(() -> states().stream().filter(s -> s == state).count() >= occurrences ? Boolean.TRUE : null, timeout,
                occurrences + "× " + state + "; seen " + states());
    }

    /** Waits until {@code probe} yields non-null, re-checking on every recorded event; fails at the deadline. */
    synchronized <T> T await(Supplier<T> probe, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (value == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            value = probe.get();
        }
        return value;
    }
}

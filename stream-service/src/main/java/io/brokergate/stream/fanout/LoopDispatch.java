package io.brokergate.stream.fanout;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Market data of one (instrument, kind) on its way to the clients of one event loop: at most one
 * task is queued on that loop, carrying the newest frame. When the loop is busy, newer frames
 * replace the waiting one (latest wins, counted as conflated for each client), so a saturated
 * event loop delays values but never accumulates them.
 */
final class LoopDispatch implements Handler<Void> {

    /** A frame and the clients it was meant for when it was dispatched. */
    private record Pending(Frame frame, ClientSession[] sessions) {
    }

    private final Context context;
    private final Object slot;
    private final DoubleConsumer conflated;
    private final AtomicReference<Pending> pending = new AtomicReference<>();

    LoopDispatch(Context context, Object slot, DoubleConsumer conflated) {
        this.context = context;
        this.slot = slot;
        this.conflated = conflated;
    }

    /** From the dispatching thread: queue the task unless one is waiting, which then carries this frame instead. */
    void offer(Frame frame, ClientSession[] sessions) {
        Pending replaced = pending.getAndSet(new Pending(frame, sessions));
        if (replaced == null) {
            context.runOnContext(this);
        } else {
            conflated.accept(replaced.sessions().length);
        }
    }

    /** On the event loop: hand the newest frame to each client's outbox. */
    @Override
    public void handle(Void ignored) {
        Pending p = pending.getAndSet(null);
        if (p == null) {
            return;
        }
        for (ClientSession s : p.sessions()) {
            s.outbox().offerLatest(slot, p.frame());
        }
    }
}

package io.brokergate.sim.engine;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;

/**
 * Everything the exchange pushes. Override what you need.
 *
 * <p><b>Threading.</b> Registered through {@link SimExchange#addListener(SimEventListener, java.util.concurrent.Executor)},
 * a listener is called on the executor it was registered with, one event at a time and in engine order;
 * the engine thread only appends to the listener's mailbox and is never blocked by it. When a mailbox
 * holds more than the configured capacity, new market-data events (quotes, depth, trades) for that
 * listener are dropped and counted (a client resubscribing gets a fresh snapshot anyway); order updates
 * and executions are never dropped. Exceptions thrown by a listener are logged and ignored.
 *
 * <p>Used directly as the sink of an {@link ExchangeCore} (tests, benchmarks), the methods are called
 * synchronously on the caller's thread and must not call back into the core.
 */
public interface SimEventListener {

    /**
     * An order changed (accepted, filled, triggered, replaced, cancelled, expired, rejected): its full
     * snapshot, and for a fill the execution that caused it (also delivered through {@link #onExecution},
     * just before).
     *
     * @param fill the causing execution, or null when the change is not a fill
     */
    default void onOrderUpdate(OrderDetail order, Execution fill) {
    }

    /** One fill of a client order, with its fee. */
    default void onExecution(Execution execution) {
    }

    /** Level-1 snapshot after the instrument changed. */
    default void onQuote(Quote quote) {
    }

    /** Full depth (top levels of each side) after the instrument changed. */
    default void onDepth(Depth depth) {
    }

    /** A print: the market's own trades and client fills alike. */
    default void onTrade(TradeTick trade) {
    }
}

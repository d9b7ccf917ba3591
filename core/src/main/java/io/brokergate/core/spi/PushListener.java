package io.brokergate.core.spi;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import java.util.List;

/**
 * Receives a push session's events on the session's I/O thread: implementations must return
 * quickly and never block (hand off to a queue). Quote and depth pushes carry the merged state,
 * not the broker's delta.
 */
public interface PushListener {

    default void onQuote(Quote quote) {
    }

    default void onDepth(Depth depth) {
    }

    default void onTrades(List<TradeTick> trades) {
    }

    /** A full order snapshot after every change, including those found by reconciliation. */
    default void onOrder(Order order) {
    }

    default void onExecution(Execution execution) {
    }

    default void onConnectionState(ConnectionState state, String detail) {
    }
}

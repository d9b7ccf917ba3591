package io.brokergate.sim.matching;

import io.brokergate.core.order.Side;

/**
 * What the matching engine reports, synchronously on its own thread, in the order things happen.
 * Arguments are primitives and the engine's own order objects so that reporting allocates nothing.
 * Implementations must not call back into the {@link MatchingEngine} (it throws).
 *
 * <p>For a client-against-client match the sequence is: maker {@link #onFill}, taker {@link #onFill},
 * {@link #onTrade}. For a fill against the market's generated ladder there is one {@link #onFill}.
 */
public interface MatchListener {

    /** Listener that ignores everything (benchmarks). */
    MatchListener NONE = new MatchListener() {
    };

    /**
     * An order traded {@code quantity} at {@code price}; its {@link BookOrder#filled()} already includes
     * it and a completed order is already {@link BookOrder.State#DONE}.
     *
     * @param maker true when the order was resting and the other side came to it
     */
    default void onFill(BookOrder order, long price, long quantity, boolean maker) {
    }

    /** One print on the tape; {@code aggressor} is the side that crossed the spread. */
    default void onTrade(int instrument, long price, long quantity, Side aggressor) {
    }

    /** A stop or if-touched order fired and is about to be executed as a market or limit order. */
    default void onTriggered(BookOrder order) {
    }

    /** The engine cancelled the unfilled rest of an order; the order is already done. */
    default void onRemainderCancelled(BookOrder order, CancelReason reason) {
    }
}

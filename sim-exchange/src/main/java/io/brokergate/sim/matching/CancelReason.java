package io.brokergate.sim.matching;

/** Why the matching engine cancelled what an order could not fill at once. */
public enum CancelReason {
    /** A market-like order found no (more) liquidity within its protection price. */
    NO_LIQUIDITY,
    /** Immediate-or-cancel: the unfilled rest is cancelled. */
    IMMEDIATE_OR_CANCEL,
    /** Fill-or-kill: the whole quantity was not available, nothing traded. */
    FILL_OR_KILL
}

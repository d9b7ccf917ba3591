package io.brokergate.core.spi;

/** What a market-data subscription delivers for one instrument. */
public enum SubscriptionKind {
    QUOTE, DEPTH, TRADES
}

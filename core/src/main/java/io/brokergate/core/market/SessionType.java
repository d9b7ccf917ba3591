package io.brokergate.core.market;

/** Part of the trading day a trade or a bar belongs to. */
public enum SessionType {
    REGULAR, PRE_MARKET, POST_MARKET, OVERNIGHT
}

package io.brokergate.core.market;

/** Trading status of an instrument, reduced to what clients act on. */
public enum TradingPhase {
    NORMAL, HALTED, SUSPENDED, DELISTED, PRE_LISTING, CLOSED
}

package io.brokergate.trade.brackets;

/** Which exit a leg is. One of each per parent at most; the stop loss may trail instead. */
public enum LegRole {
    TAKE_PROFIT,
    STOP_LOSS
}

package io.brokergate.core.order;

public enum TimeInForce {
    /** Expires at the end of the trading day. */
    DAY,
    GOOD_TILL_CANCELLED,
    /** Needs an expiry date. */
    GOOD_TILL_DATE,
    IMMEDIATE_OR_CANCEL,
    FILL_OR_KILL
}

package io.brokergate.core.limits;

/** Groups of outbound broker calls that share a limit. */
public enum OutboundCategory {
    /** Market-data requests (LongPort quote socket commands, Futu quote queries). */
    QUOTE,
    /** All trade-API calls, when the broker counts them together (LongPort). */
    TRADE,
    /** Order placement, when counted separately (Futu). */
    PLACE_ORDER,
    /** Modify and cancel, when counted separately (Futu). */
    MODIFY_ORDER,
    /** Account queries, positions, balances. */
    ACCOUNT,
    /** Opening a socket or fetching a socket token. */
    CONNECT
}

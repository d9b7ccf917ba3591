package io.brokergate.sim.longport;

import io.brokergate.sim.engine.RejectReason;

/**
 * Business error codes of the sim's trade endpoints (HTTP 400). LongPort documents none, so these
 * are the sim's own; the gateway's LongPort adapter maps them onto the error taxonomy.
 */
enum TradeErrorCode {
    UNKNOWN_SYMBOL(602001),
    LOT_SIZE(602002),
    TICK_SIZE(602003),
    INSUFFICIENT_CASH(602004),
    INSUFFICIENT_POSITION(602005),
    MARKET_CLOSED(602006),
    ORDER_NOT_FOUND(602007),
    INVALID_ORDER_STATE(602008),
    INVALID_PARAMETER(602009),
    NOT_TRADABLE(602010);

    private final int code;

    TradeErrorCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static TradeErrorCode of(RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_SYMBOL -> UNKNOWN_SYMBOL;
            case NOT_TRADABLE -> NOT_TRADABLE;
            case MARKET_CLOSED -> MARKET_CLOSED;
            case WRONG_LOT_SIZE -> LOT_SIZE;
            case WRONG_TICK_SIZE -> TICK_SIZE;
            case INSUFFICIENT_CASH -> INSUFFICIENT_CASH;
            case INSUFFICIENT_POSITION -> INSUFFICIENT_POSITION;
            case ORDER_NOT_FOUND -> ORDER_NOT_FOUND;
            case ORDER_NOT_OPEN, AMENDMENT_NOT_ALLOWED -> INVALID_ORDER_STATE;
            case UNSUPPORTED_ORDER_TYPE, INVALID_EXPIRE_DATE, QUANTITY_OUT_OF_BOUNDS, PRICE_OUT_OF_BOUNDS,
                    QUANTITY_BELOW_FILLED -> INVALID_PARAMETER;
        };
    }
}

package io.brokergate.sim.engine;

import io.brokergate.core.error.ErrorCode;
import java.util.Locale;

/** Why the exchange refused a place, replace or cancel request; each maps onto the gateway's taxonomy. */
public enum RejectReason {
    UNKNOWN_SYMBOL(ErrorCode.INVALID_REQUEST),
    NOT_TRADABLE(ErrorCode.BROKER_REJECTED),
    UNSUPPORTED_ORDER_TYPE(ErrorCode.INVALID_REQUEST),
    INVALID_EXPIRE_DATE(ErrorCode.INVALID_REQUEST),
    /** Only when sessions are enforced. */
    MARKET_CLOSED(ErrorCode.BROKER_REJECTED),
    WRONG_LOT_SIZE(ErrorCode.BROKER_REJECTED),
    WRONG_TICK_SIZE(ErrorCode.BROKER_REJECTED),
    QUANTITY_OUT_OF_BOUNDS(ErrorCode.BROKER_REJECTED),
    PRICE_OUT_OF_BOUNDS(ErrorCode.BROKER_REJECTED),
    INSUFFICIENT_CASH(ErrorCode.INSUFFICIENT_FUNDS),
    INSUFFICIENT_POSITION(ErrorCode.BROKER_REJECTED),
    ORDER_NOT_FOUND(ErrorCode.NOT_FOUND),
    /** The order is already filled, cancelled, rejected or expired. */
    ORDER_NOT_OPEN(ErrorCode.CONFLICT),
    /** A replace would leave the quantity at or below what is already filled. */
    QUANTITY_BELOW_FILLED(ErrorCode.BROKER_REJECTED),
    /** A replace changes something the order does not have (a limit on a stop-market order, a fired trigger). */
    AMENDMENT_NOT_ALLOWED(ErrorCode.BROKER_REJECTED);

    private final ErrorCode errorCode;

    RejectReason(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Stable lower-case name ({@code wrong_lot_size}) for messages and protocol mappings. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

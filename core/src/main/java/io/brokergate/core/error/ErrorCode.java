package io.brokergate.core.error;

import java.util.Locale;

/**
 * The gateway's error taxonomy. Every failure a client sees is one of these, rendered as RFC 9457
 * problem JSON on the native API and as {@code {"s":"error","errmsg":…}} on the TradingView facade.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, false, "Invalid request"),
    UNAUTHENTICATED(401, false, "Unauthenticated"),
    FORBIDDEN(403, false, "Forbidden"),
    NOT_FOUND(404, false, "Not found"),
    CONFLICT(409, false, "Conflict"),
    PAYLOAD_TOO_LARGE(413, false, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, false, "Unsupported media type"),
    RATE_LIMITED(429, true, "Rate limited"),
    RISK_REJECTED(403, false, "Rejected by risk limits"),
    BROKER_REJECTED(422, false, "Rejected by the broker"),
    INSUFFICIENT_FUNDS(422, false, "Insufficient funds"),
    BROKER_UNAVAILABLE(503, true, "Broker unavailable"),
    /** The broker may or may not have acted; the caller must look the order up, not resend blindly. */
    TIMEOUT_UNKNOWN_OUTCOME(504, false, "Outcome unknown"),
    INTERNAL(500, true, "Internal error");

    private final int httpStatus;
    private final boolean retryable;
    private final String title;

    ErrorCode(int httpStatus, boolean retryable, String title) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }

    public String title() {
        return title;
    }

    /** Stable machine-readable name ({@code rate_limited}), used as the problem {@code type} suffix. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

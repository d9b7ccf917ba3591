package io.brokergate.core.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure with its place in the taxonomy. Stack traces are not captured: these are expected
 * outcomes (bad input, broker rejects, limits), often on hot paths, and never shown to clients.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;
    private final String brokerCode;

    public GatewayException(ErrorCode code, String detail) {
        this(code, detail, null, null, null);
    }

    public GatewayException(ErrorCode code, String detail, Duration retryAfter) {
        this(code, detail, retryAfter, null, null);
    }

    public GatewayException(ErrorCode code, String detail, Duration retryAfter, String brokerCode, Throwable cause) {
        super(detail, cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = retryAfter;
        this.brokerCode = brokerCode;
    }

    public ErrorCode code() {
        return code;
    }

    /** Suggested wait before retrying, for {@code Retry-After}; null when not applicable. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The broker's own error code, when the failure came from a broker. */
    public String brokerCode() {
        return brokerCode;
    }

    public static GatewayException invalid(String detail) {
        return new GatewayException(ErrorCode.INVALID_REQUEST, detail);
    }

    public static GatewayException notFound(String detail) {
        return new GatewayException(ErrorCode.NOT_FOUND, detail);
    }
}

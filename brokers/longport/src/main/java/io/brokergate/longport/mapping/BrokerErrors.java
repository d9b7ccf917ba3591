package io.brokergate.longport.mapping;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.longport.wire.QuoteErrorCodes;
import io.brokergate.longport.wire.ResponseStatus;
import java.time.Duration;

/**
 * Maps LongPort failures into the gateway's taxonomy: REST envelopes (documented codes plus the
 * paper exchange's 6020xx business codes) and quote/trade socket error responses. The broker's
 * code and message are kept in the exception, so nothing the broker said is lost.
 */
public final class BrokerErrors {

    /** Documented quote-socket subscription cap (longport.md §1.7). */
    public static final int SUBSCRIPTION_CAP = 500;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private BrokerErrors() {
    }

    /**
     * A REST envelope with a non-zero code.
     *
     * @param retryAfter from the {@code Retry-After} header, or null
     */
    public static GatewayException rest(int httpStatus, int code, String message, Duration retryAfter) {
        ErrorCode mapped = restCode(httpStatus, code);
        String detail = "LongPort " + code + ": " + describe(code, message);
        Duration after = mapped == ErrorCode.RATE_LIMITED ? orDefault(retryAfter) : null;
        return new GatewayException(mapped, detail, after, Integer.toString(code), null);
    }

    /** A REST response whose body is not an envelope: only the HTTP status speaks. */
    public static GatewayException http(int httpStatus, Duration retryAfter) {
        ErrorCode mapped;
        if (httpStatus == 401) {
            mapped = ErrorCode.UNAUTHENTICATED;
        } else if (httpStatus == 403) {
            mapped = ErrorCode.FORBIDDEN;
        } else if (httpStatus == 404) {
            mapped = ErrorCode.NOT_FOUND;
        } else if (httpStatus == 429) {
            mapped = ErrorCode.RATE_LIMITED;
        } else if (httpStatus >= 500) {
            mapped = ErrorCode.BROKER_UNAVAILABLE;
        } else {
            mapped = ErrorCode.BROKER_REJECTED;
        }
        Duration after = mapped == ErrorCode.RATE_LIMITED ? orDefault(retryAfter) : null;
        return new GatewayException(mapped, "LongPort answered HTTP " + httpStatus + " without a result", after,
                "http_" + httpStatus, null);
    }

    static ErrorCode restCode(int httpStatus, int code) {
        switch (code) {
            case 403201, 403203:
                return ErrorCode.UNAUTHENTICATED; // signature or app key wrong: the credentials are
            case 403202:
                return ErrorCode.BROKER_UNAVAILABLE; // replayed timestamp: a retry carries a new one
            case 602001, 602002, 602003, 602009, 602010:
                return ErrorCode.INVALID_REQUEST;
            case 602004:
                return ErrorCode.INSUFFICIENT_FUNDS;
            case 602005, 602006, 602008:
                return ErrorCode.BROKER_REJECTED;
            case 602007:
                return ErrorCode.NOT_FOUND;
            default:
                break;
        }
        int family = code / 1000;
        if (family == 401) {
            return ErrorCode.UNAUTHENTICATED;
        }
        if (family == 403) {
            return ErrorCode.FORBIDDEN;
        }
        if (family == 429) {
            return ErrorCode.RATE_LIMITED;
        }
        if (family >= 500 && family < 600 || httpStatus >= 500) {
            return ErrorCode.BROKER_UNAVAILABLE;
        }
        return ErrorCode.BROKER_REJECTED;
    }

    private static String describe(int code, String message) {
        String m = message == null || message.isBlank() ? "" : message;
        return switch (code) {
            case 602001 -> "unknown symbol" + suffix(m);
            case 602002 -> "quantity is not a whole number of lots" + suffix(m);
            case 602003 -> "price is not on the tick size" + suffix(m);
            case 602004 -> "insufficient cash" + suffix(m);
            case 602005 -> "insufficient position" + suffix(m);
            case 602006 -> "market closed" + suffix(m);
            case 602007 -> "order not found" + suffix(m);
            case 602008 -> "order cannot be modified" + suffix(m);
            case 602010 -> "instrument is not tradable" + suffix(m);
            case 403201, 403203 -> "credentials rejected" + suffix(m);
            default -> m.isEmpty() ? "error" : m;
        };
    }

    private static String suffix(String m) {
        return m.isEmpty() ? "" : " (" + m + ")";
    }

    /**
     * A socket response with a non-zero status; {@code code} is from its {@code Error} body
     * (0 when it had none).
     */
    public static GatewayException socket(String socket, int status, long code, String message) {
        String m = message == null || message.isBlank() ? "" : " (" + message + ")";
        String brokerCode = code != 0 ? Long.toString(code) : "status_" + status;
        if (code == QuoteErrorCodes.TOO_MANY_SUBSCRIPTIONS) {
            return new GatewayException(ErrorCode.INVALID_REQUEST, "subscription cap of " + SUBSCRIPTION_CAP
                    + " symbols reached" + m, null, brokerCode, null);
        }
        if (code == QuoteErrorCodes.RATE_LIMITED) {
            return new GatewayException(ErrorCode.RATE_LIMITED, "LongPort quote rate limit reached" + m,
                    DEFAULT_RETRY_AFTER, brokerCode, null);
        }
        ErrorCode mapped = socketCode(status, code);
        String what = code == QuoteErrorCodes.INVALID_REQUEST ? "unknown symbol or invalid request"
                : "LongPort " + socket + " socket error " + brokerCode;
        return new GatewayException(mapped, what + m, null, brokerCode, null);
    }

    static ErrorCode socketCode(int status, long code) {
        if (code == QuoteErrorCodes.INVALID_REQUEST || code == QuoteErrorCodes.TOO_MANY_ITEMS) {
            return ErrorCode.INVALID_REQUEST;
        }
        if (code == QuoteErrorCodes.NO_QUOTES) {
            return ErrorCode.NOT_FOUND;
        }
        if (code == QuoteErrorCodes.NO_ACCESS) {
            return ErrorCode.FORBIDDEN;
        }
        if (code == QuoteErrorCodes.SERVER_ERROR) {
            return ErrorCode.BROKER_UNAVAILABLE;
        }
        ResponseStatus s = ResponseStatus.ofCode(status);
        if (s == null) {
            return ErrorCode.BROKER_REJECTED;
        }
        return switch (s) {
            case BAD_REQUEST -> ErrorCode.INVALID_REQUEST;
            case UNAUTHENTICATED -> ErrorCode.UNAUTHENTICATED;
            case PERMISSION_DENIED -> ErrorCode.FORBIDDEN;
            case SERVER_TIMEOUT, CLIENT_TIMEOUT, SERVER_INTERNAL_ERROR -> ErrorCode.BROKER_UNAVAILABLE;
            default -> ErrorCode.BROKER_REJECTED;
        };
    }

    /** The connection failed or dropped before an answer: nothing happened at the broker (retryable). */
    public static GatewayException unavailable(String what, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new GatewayException(ErrorCode.BROKER_UNAVAILABLE, what + reason, null, null, cause);
    }

    /** Unwraps CompletionException layers; anything outside the taxonomy becomes BROKER_UNAVAILABLE. */
    public static GatewayException unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof GatewayException g ? g : unavailable("LongPort call failed", c);
    }

    private static Duration orDefault(Duration d) {
        return d == null || d.isNegative() || d.isZero() ? DEFAULT_RETRY_AFTER : d;
    }
}

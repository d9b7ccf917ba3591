package io.brokergate.api.tradingview;

import io.brokergate.core.error.GatewayException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TradingView's response envelope: {@code {"s":"ok","d":…}}, {@code {"s":"ok"}} and
 * {@code {"s":"error","errmsg":…}}. A business error is HTTP 200 (TradingView shows
 * {@code errmsg} to the user); a credential problem is 401 or 403; the unexpected is 500.
 */
public final class TradingViewReplies {

    private TradingViewReplies() {
    }

    public static Map<String, Object> ok() {
        return Map.of("s", "ok");
    }

    /** {@code s} first, then {@code d}: a fixed member order keeps answers byte-identical. */
    public static Map<String, Object> ok(Object d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", "ok");
        body.put("d", d);
        return body;
    }

    public static Map<String, Object> errorBody(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", "error");
        body.put("errmsg", message == null || message.isBlank() ? "error" : message);
        return body;
    }

    /** A failure of a TradingView request, with the status its taxonomy code has on this API. */
    public static Response error(GatewayException e) {
        int status = switch (e.code()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case INTERNAL -> 500;
            default -> 200;
        };
        return error(status, e.getMessage());
    }

    public static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(errorBody(message))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}

package io.brokergate.stream.tradingview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Consumer;

/**
 * TradingView's envelope on the stream routes: {@code {"s":"error","errmsg":…}} for failures before
 * a stream starts (with the error's HTTP status, 401 for authentication), {@code {"s":"ok"}} as ping.
 */
public final class TradingViewEnvelope {

    /** PingMessage: sent after 5 s without output on the browser streams. */
    static final String PING = "{\"s\":\"ok\"}\n";

    private TradingViewEnvelope() {
    }

    /** Runs {@code start} with the request's verified caller, or answers 401 in the envelope. */
    public static void withCaller(RoutingContext ctx, ObjectMapper json, Consumer<Caller> start) {
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> Callers.find(identity).ifPresentOrElse(start,
                        () -> fail(ctx, json, new GatewayException(ErrorCode.UNAUTHENTICATED, "a bearer token is required"))),
                failure -> fail(ctx, json, new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid credential")));
    }

    public static void fail(RoutingContext ctx, ObjectMapper json, GatewayException e) {
        HttpServerResponse r = ctx.response().setStatusCode(e.code().httpStatus()).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store");
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            r.putHeader("WWW-Authenticate", "Bearer");
        }
        r.end(error(json, e.getMessage()));
    }

    /** The error message without a line end (a response body); stream lines add {@code \n}. */
    static String error(ObjectMapper json, String message) {
        try {
            return json.writeValueAsString(Map.of("s", "error", "errmsg", message == null ? "error" : message));
        } catch (Exception e) {
            return "{\"s\":\"error\",\"errmsg\":\"error\"}";
        }
    }

    /** Starts a chunked JSON-lines response, unbuffered by proxies; the headers leave at once (the first line may wait). */
    public static void startLines(HttpServerResponse response) {
        response.setChunked(true).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.writeHead();
    }
}

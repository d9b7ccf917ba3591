package io.brokergate.stream.tradingview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.StreamAccess;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TradingView Broker API account streams, {@code GET /tv/accounts/{accountId}/stream/orders},
 * {@code …/positions} and {@code …/state}: chunked {@code application/json}, one compact JSON
 * message per line. Authentication, scope ({@code accounts:read}) and account checks happen before
 * the stream starts and fail in TradingView's envelope {@code {"s":"error","errmsg":…}}. The first
 * line is the snapshot, then complete changed entities; {@code {"s":"ok"}} after
 * {@code brokergate.stream.tradingview.ping-interval} (5 s) without output. The {@code locale}
 * query parameter is accepted (messages are not localized). The server ends a stream only on shutdown.
 */
@ApplicationScoped
public class TradingViewStreamsRoute {

    static final String PREFIX = "/tv/accounts/:accountId/stream/";

    private final FanoutHub hub;
    private final StreamAccess access;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration pingInterval;

    public TradingViewStreamsRoute(FanoutHub hub, StreamAccess access, ObjectMapper json, Vertx vertx,
                                   @ConfigProperty(name = "brokergate.stream.tradingview.ping-interval", defaultValue = "5s")
                                   Duration pingInterval) {
        this.hub = hub;
        this.access = access;
        this.json = json;
        this.vertx = vertx;
        this.pingInterval = pingInterval;
    }

    void register(@Observes Router router) {
        for (TradingViewStream s : TradingViewStream.values()) {
            router.get(PREFIX + s.path).handler(ctx -> handle(ctx, s));
        }
    }

    private void handle(RoutingContext ctx, TradingViewStream stream) {
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> Callers.find(identity).ifPresentOrElse(caller -> start(ctx, caller, stream),
                        () -> fail(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "a bearer token is required"))),
                failure -> fail(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid credential")));
    }

    private void start(RoutingContext ctx, Caller caller, TradingViewStream stream) {
        String account = ctx.pathParam("accountId");
        ctx.request().getParam("locale"); // accepted; messages are not localized
        try {
            access.authorize(caller, stream.hubStream, account);
        } catch (GatewayException e) {
            fail(ctx, e);
            return;
        }
        if (hub.isShuttingDown()) {
            fail(ctx, new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "server shutting down; reconnect"));
            return;
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        TradingViewTransport transport = new TradingViewTransport(ctx.request(), stream, json);
        ClientSession session = hub.open(caller, transport);
        long intervalNanos = pingInterval.toNanos();
        long tick = Math.max(50, pingInterval.toMillis() / 5);
        long timer = vertx.setPeriodic(tick, id -> transport.pingIfSilent(intervalNanos));
        Runnable closed = () -> {
            vertx.cancelTimer(timer);
            hub.close(session);
        };
        ctx.request().connection().closeHandler(v -> closed.run());
        response.closeHandler(v -> closed.run());
        response.endHandler(v -> vertx.cancelTimer(timer));
        hub.subscribe(session, null, stream.hubStream, account, List.of());
    }

    private void fail(RoutingContext ctx, GatewayException e) {
        HttpServerResponse r = ctx.response().setStatusCode(e.code().httpStatus()).putHeader("Content-Type", "application/json");
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            r.putHeader("WWW-Authenticate", "Bearer");
        }
        r.end(TradingViewTransport.error(json, e.getMessage()));
    }
}

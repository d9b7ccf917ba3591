package io.brokergate.stream.tradingview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.PositionView;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.StreamAccess;
import io.brokergate.stream.upstream.CapabilityMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TradingView Broker API account streams, {@code GET /tv/accounts/{accountId}/stream/orders},
 * {@code …/positions}, {@code …/netPositions}, {@code …/individualPositions} and {@code …/state}:
 * chunked {@code application/json}, one compact JSON message per line. Authentication, scope
 * ({@code accounts:read}), the account and the broker's position view are checked before the
 * stream starts and fail in TradingView's envelope {@code {"s":"error","errmsg":…}}. The first
 * line is the snapshot, then complete changed entities; {@code {"s":"ok"}} after
 * {@code brokergate.stream.tradingview.ping-interval} (5 s) without output. The {@code locale}
 * query parameter is accepted (messages are not localized). The server ends a stream only on shutdown.
 */
@ApplicationScoped
public class TradingViewStreamsRoute {

    static final String PREFIX = "/tv/accounts/:accountId/stream/";

    private final FanoutHub hub;
    private final StreamAccess access;
    private final CapabilityMap capabilities;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration pingInterval;

    public TradingViewStreamsRoute(FanoutHub hub, StreamAccess access, CapabilityMap capabilities, ObjectMapper json, Vertx vertx,
                                   @ConfigProperty(name = "brokergate.stream.tradingview.ping-interval", defaultValue = "5s")
                                   Duration pingInterval) {
        this.hub = hub;
        this.access = access;
        this.capabilities = capabilities;
        this.json = json;
        this.vertx = vertx;
        this.pingInterval = pingInterval;
    }

    void register(@Observes Router router) {
        for (TradingViewStream s : TradingViewStream.values()) {
            router.get(PREFIX + s.path).handler(ctx -> TradingViewEnvelope.withCaller(ctx, json, caller -> start(ctx, caller, s)));
        }
    }

    private void start(RoutingContext ctx, Caller caller, TradingViewStream stream) {
        String account = ctx.pathParam("accountId");
        ctx.request().getParam("locale"); // accepted; messages are not localized
        try {
            requireView(access.authorize(caller, stream.hubStream, account), stream);
        } catch (GatewayException e) {
            TradingViewEnvelope.fail(ctx, json, e);
            return;
        }
        if (hub.isShuttingDown()) {
            TradingViewEnvelope.fail(ctx, json, new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "server shutting down; reconnect"));
            return;
        }
        TradingViewEnvelope.startLines(ctx.response());
        TradingViewLines lines = new TradingViewLines(ctx.request());
        ClientSession session = hub.open(caller, new TradingViewTransport(lines, stream, json));
        lines.pingWhileOpen(ctx, vertx, pingInterval, () -> hub.close(session));
        hub.subscribe(session, null, stream.hubStream, account, List.of());
    }

    /**
     * Position streams follow the broker's declared position view (TradingView's
     * {@code supportPositionNetting} swaps {@code positions} for net and individual positions).
     */
    static void requireView(Account account, TradingViewStream stream, CapabilityMap capabilities) {
        if (stream.requires == null) {
            return;
        }
        Capabilities c = capabilities.of(account.broker()).orElse(null);
        if (c == null) {
            throw GatewayException.invalid(describe(stream.requires) + " are not available: no adapter for broker "
                    + account.broker().wireName());
        }
        if (!c.reports(stream.requires)) {
            throw GatewayException.invalid(describe(stream.requires) + " are not supported by " + c.displayName()
                    + (c.reports(PositionView.INSTRUMENT) ? ", which reports one position per instrument: use stream/positions"
                    : ", which reports net and individual positions: use stream/netPositions and stream/individualPositions"));
        }
    }

    private void requireView(Account account, TradingViewStream stream) {
        requireView(account, stream, capabilities);
    }

    private static String describe(PositionView view) {
        return switch (view) {
            case INSTRUMENT -> "positions per instrument";
            case NET -> "net positions";
            case INDIVIDUAL -> "individual positions";
        };
    }
}

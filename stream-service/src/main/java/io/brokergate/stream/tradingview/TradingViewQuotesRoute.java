package io.brokergate.stream.tradingview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.FanoutSettings;
import io.brokergate.stream.fanout.StreamAccess;
import io.brokergate.stream.fanout.StreamKind;
import io.brokergate.stream.fanout.Symbols;
import io.brokergate.stream.upstream.CapabilityMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /tv/stream/quotes?locale=…&accountId=…&symbols=700.HK,AAPL.US}: TradingView's quotes
 * stream (the streaming variant of {@code /quotes}), chunked {@code application/json}, one message
 * per line: the snapshot first, then the symbols whose bid/ask changed, {@code {"s":"ok"}} after
 * the ping interval without output. Scope {@code quotes:read}; the data comes through the named
 * account's broker socket (another tenant's account is not found). Failures before the stream
 * starts are in the envelope {@code {"s":"error","errmsg":…}} with the error's status.
 */
@ApplicationScoped
public class TradingViewQuotesRoute {

    static final String PATH = "/tv/stream/quotes";

    private final FanoutHub hub;
    private final StreamAccess access;
    private final CapabilityMap capabilities;
    private final FanoutSettings settings;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration pingInterval;
    private final Duration snapshotWait;

    public TradingViewQuotesRoute(FanoutHub hub, StreamAccess access, CapabilityMap capabilities, FanoutSettings settings,
                                  ObjectMapper json, Vertx vertx,
                                  @ConfigProperty(name = "brokergate.stream.tradingview.ping-interval", defaultValue = "5s")
                                  Duration pingInterval,
                                  @ConfigProperty(name = "brokergate.stream.tradingview.snapshot-wait", defaultValue = "1s")
                                  Duration snapshotWait) {
        this.hub = hub;
        this.access = access;
        this.capabilities = capabilities;
        this.settings = settings;
        this.json = json;
        this.vertx = vertx;
        this.pingInterval = pingInterval;
        this.snapshotWait = snapshotWait;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(ctx -> TradingViewEnvelope.withCaller(ctx, json, caller -> start(ctx, caller)));
    }

    private void start(RoutingContext ctx, Caller caller) {
        String account = ctx.request().getParam("accountId");
        ctx.request().getParam("locale"); // accepted; messages are not localized
        List<InstrumentId> symbols;
        boolean depth;
        try {
            if (account == null || account.isBlank()) {
                throw GatewayException.invalid("accountId is required");
            }
            Account a = access.authorize(caller, StreamKind.QUOTES, account);
            symbols = symbols(ctx.request().getParam("symbols"));
            // Bid and ask come from the top of the book where the broker streams depth (LongPort's quote push has none).
            depth = capabilities.of(a.broker()).map(c -> c.depthLevels() > 0 && c.pushes(Capabilities.PushFeature.DEPTH))
                    .orElse(false);
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
        int kinds = depth ? 2 : 1;
        QuotesTransport transport = new QuotesTransport(lines, symbols, kinds);
        ClientSession session = hub.open(caller, transport, symbols.size() * kinds);
        long due = vertx.setTimer(Math.max(1, snapshotWait.toMillis()), id -> transport.snapshotDue());
        lines.pingWhileOpen(ctx, vertx, pingInterval, () -> {
            vertx.cancelTimer(due);
            hub.close(session);
        });
        for (InstrumentId id : symbols) {
            // ref = the symbol, so a refusal names it in the error line
            hub.subscribe(session, id.symbol(), StreamKind.QUOTES, account, List.of(id));
            if (depth) {
                hub.subscribe(session, id.symbol(), StreamKind.DEPTH, account, List.of(id));
            }
        }
    }

    private List<InstrumentId> symbols(String param) {
        List<InstrumentId> symbols = Symbols.parse(param == null || param.isBlank() ? null : Arrays.asList(param.split(",")),
                StreamKind.QUOTES);
        int max = settings.maxSubscriptionsPerConnection();
        if (symbols.size() > max) {
            throw GatewayException.invalid("at most " + max + " symbols per quotes stream, got " + symbols.size());
        }
        return symbols;
    }
}

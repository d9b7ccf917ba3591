package io.brokergate.longport.adapter;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.limits.OutboundGovernor;
import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.spi.BrokerConnector;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.quotes.LongPortMarketData;
import io.brokergate.longport.quotes.QuoteStream;
import io.brokergate.longport.rest.SocketTokenJson;
import io.brokergate.longport.session.ListenerSet;
import io.brokergate.longport.session.SocketLink;
import io.brokergate.longport.trading.ApiCredentials;
import io.brokergate.longport.trading.LongPortRestClient;
import io.brokergate.longport.trading.LongPortTradingApi;
import io.brokergate.longport.trading.RequestClock;
import io.brokergate.longport.trading.RestCall;
import io.brokergate.longport.trading.TradeStream;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.impl.VertxInternal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * LongPort adapter entry point, for {@link BrokerId#LONGPORT} (production hosts unless the
 * credentials name others) and {@link BrokerId#PAPER} (the paper exchange speaks LongPort; its
 * addresses come from the credentials' endpoints {@code http}, {@code quote_ws}, {@code trade_ws}).
 *
 * <p>One connector serves many accounts: it owns one Vert.x HTTP client and one WebSocket client.
 * Each {@link #open} creates a session with its own rate-limit governor (limits are per account)
 * on its own event loop. Nothing here blocks.
 */
public final class LongPortConnector implements BrokerConnector {

    private static final String SOCKET_TOKEN = "/v1/socket/token";
    /** Largest body a LongPort packet can have (u24) plus its header. */
    private static final int MAX_FRAME = 16 * 1024 * 1024 + 64;

    private final BrokerId broker;
    private final Vertx vertx;
    private final ScheduledExecutorService timer;
    private final LongPortSettings settings;
    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final Capabilities capabilities;
    private final boolean ownsVertx;

    /**
     * @param vertx shared Vert.x instance (the application's, e.g. Quarkus's); not closed by {@link #close()}
     * @param timer shared scheduler for the rate-limit governors' wake-ups; not shut down here
     */
    public LongPortConnector(BrokerId broker, Vertx vertx, ScheduledExecutorService timer, LongPortSettings settings) {
        this(broker, vertx, timer, settings, false);
    }

    public LongPortConnector(BrokerId broker, Vertx vertx, ScheduledExecutorService timer) {
        this(broker, vertx, timer, LongPortSettings.defaults(), false);
    }

    private LongPortConnector(BrokerId broker, Vertx vertx, ScheduledExecutorService timer, LongPortSettings settings,
                              boolean ownsVertx) {
        if (broker != BrokerId.LONGPORT && broker != BrokerId.PAPER) {
            throw new IllegalArgumentException("the LongPort adapter serves LONGPORT and PAPER, not " + broker);
        }
        this.broker = broker;
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsVertx = ownsVertx;
        this.capabilities = LongPortCapabilities.of(broker);
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(16)
                .setConnectTimeout((int) settings.restConnectTimeout().toMillis()));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(MAX_FRAME).setMaxMessageSize(MAX_FRAME)
                .setConnectTimeout((int) settings.socket().connectTimeout().toMillis()));
    }

    /** A connector with its own Vert.x and scheduler (tools, tests); {@link #close()} releases them. */
    public static LongPortConnector standalone(BrokerId broker, LongPortSettings settings) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "longport-governor");
            t.setDaemon(true);
            return t;
        });
        return new LongPortConnector(broker, Vertx.vertx(), timer, settings, true);
    }

    @Override
    public BrokerId broker() {
        return broker;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public OutboundLimits outboundLimits() {
        return settings.limits();
    }

    /**
     * Builds the session and validates the credentials by fetching a socket token (the one REST
     * call every LongPort login may make). Sockets open on {@code push().connect()} or, for the
     * quote socket, on the first market-data call.
     */
    @Override
    public CompletionStage<BrokerSession> open(BrokerCredentials credentials) {
        Wiring w;
        try {
            if (credentials.broker() != broker) {
                throw GatewayException.invalid("credentials are for " + credentials.broker() + ", this connector serves " + broker);
            }
            w = wire(credentials);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return w.otp().thenApply(otp -> (BrokerSession) w.session())
                .exceptionallyCompose(e -> w.session().closeAsync()
                        .thenCompose(x -> CompletableFuture.failedFuture(BrokerErrors.unwrap(e))));
    }

    /** Releases the shared clients (and Vert.x and the scheduler when this connector created them). */
    public CompletionStage<Void> close() {
        CompletableFuture<Void> done = CompletableFuture.allOf(http.close().toCompletionStage().toCompletableFuture(),
                webSockets.close().toCompletionStage().toCompletableFuture());
        if (!ownsVertx) {
            return done;
        }
        return done.handle((v, e) -> null).thenCompose(v -> {
            timer.shutdownNow();
            return vertx.close().toCompletionStage();
        });
    }

    private record Wiring(LongPortSession session, Supplier<CompletionStage<String>> otpSupplier) {
        CompletionStage<String> otp() {
            return otpSupplier.get();
        }
    }

    private Wiring wire(BrokerCredentials credentials) {
        ApiCredentials api = ApiCredentials.from(credentials);
        LongPortEndpoints endpoints = LongPortEndpoints.of(credentials);
        OutboundGovernor governor = new OutboundGovernor(settings.limits(), timer, settings.governor(), System::nanoTime);
        String language = settings.socket().language();
        LongPortRestClient rest = new LongPortRestClient(vertx, http, endpoints.http(), api, governor, settings.restTimeout(),
                settings.restConnectTimeout(), language, new RequestClock());
        LongPortTradingApi trading = new LongPortTradingApi(rest, api.accountNo());
        Supplier<CompletionStage<String>> otp = () -> rest
                .call(RestCall.get(SOCKET_TOKEN, null, OutboundCategory.CONNECT), SocketTokenJson.class)
                .thenApply(t -> {
                    if (t.otp() == null || t.otp().isBlank()) {
                        throw new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort issued no socket token");
                    }
                    return t.otp();
                });

        // Both sockets of an account share one event loop: their state needs no locks.
        Context context = ((VertxInternal) vertx).createEventLoopContext();
        ListenerSet listeners = new ListenerSet();
        LongPortPushSession push = new LongPortPushSession(listeners);
        QuoteStream quotes = new QuoteStream(h -> new SocketLink("quote", vertx, context, webSockets,
                endpoints.quoteWebSocket(), otp, Map.of("accept-language", language), settings.socket(), h,
                push::onSocketState), governor, listeners, capabilities.maxSubscriptions(),
                LongPortCapabilities.DEPTH_LEVELS, language);
        TradeStream trades = new TradeStream(h -> new SocketLink("trade", vertx, context, webSockets,
                endpoints.tradeWebSocket(), otp, Map.of(), settings.socket(), h, push::onSocketState),
                () -> trading.todayOrders(api.accountNo(), OrderQuery.ALL), listeners, api.accountNo());
        push.attach(quotes, trades);
        return new Wiring(new LongPortSession(trading, new LongPortMarketData(quotes), push), otp);
    }
}

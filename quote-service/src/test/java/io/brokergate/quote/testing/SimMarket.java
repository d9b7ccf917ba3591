package io.brokergate.quote.testing;

import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.PushListener;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.longport.adapter.LongPortConnector;
import io.brokergate.sim.engine.ManualClock;
import io.brokergate.sim.engine.SimClock;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.market.SimInstrument;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * A real paper exchange behind the test accounts, with the socket owner's part played here: one
 * LongPort session per account (the adapter over real sockets), whose pushes are published on the
 * {@code market-data} topic stamped as stream-service stamps them. Sessions of {@link TestAccounts#A}
 * and {@link TestAccounts#B} are offered to quote-service; {@link TestAccounts#C}'s owner is "another
 * pod": its pushes arrive, its session is not here.
 *
 * <p>The market is frozen (prices move only when a test moves them), or, with
 * {@value #MANUAL_CLOCK}{@code =true}, runs on a manual clock that tests advance step by step.
 * The listing has {@value #EXTRA_SYMBOLS} extra HK stocks ({@code 30000.HK} on).
 */
@Alternative
@ApplicationScoped
public class SimMarket implements AccountSessions {

    public static final String MANUAL_CLOCK = "test.sim.manual-clock";
    public static final int EXTRA_SYMBOLS = 120;
    /** Where the manual clock starts: a Monday, 10:00 in Hong Kong. */
    public static final Instant MANUAL_START = Instant.parse("2026-03-02T02:00:00Z");

    @Inject
    Vertx vertx;
    @Inject
    @Channel("test-market-data")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<MarketDataEvent> emitter;
    @ConfigProperty(name = MANUAL_CLOCK, defaultValue = "false")
    boolean manualClock;

    private SimExchange exchange;
    private SimExchangeServer server;
    private LongPortConnector connector;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, BrokerSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<TradeTick>> pushedTrades = new ConcurrentHashMap<>();
    private final Map<String, Quote> lastQuotes = new ConcurrentHashMap<>();

    /** At startup, on the main thread: never lazily on an event loop that the sessions need. */
    void start(@Observes StartupEvent event) throws Exception {
        List<SimInstrument> listing = new ArrayList<>(SimConfig.defaultInstruments());
        for (int i = 0; i < EXTRA_SYMBOLS; i++) {
            listing.add(SimInstrument.stock(extraSymbol(i), "Extra " + i, 100, "10", 0.2));
        }
        SimClock clock = manualClock ? new ManualClock(MANUAL_START) : SystemClock.INSTANCE;
        exchange = SimExchange.create(SimConfig.defaults().toBuilder().instruments(listing).historyDays(30)
                .initialAccounts(List.of()).build(), clock);
        server = SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0), exchange);
        connector = new LongPortConnector(BrokerId.PAPER, vertx, timer);
        for (String id : List.of(TestAccounts.A, TestAccounts.B, TestAccounts.C)) {
            open(TestAccounts.account(id));
        }
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        for (BrokerSession s : sessions.values()) {
            s.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        connector.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
        timer.shutdownNow();
    }

    private void open(Account account) throws Exception {
        PaperCredentials c = server.registerAccount(new PaperAccountSpec(account.brokerAccountNo(), account.id(),
                "key-" + account.id(), "secret-" + account.id(), "token-" + account.id(),
                Map.of("HKD", new BigDecimal("10000000"), "USD", new BigDecimal("1000000"))));
        BrokerSession session = connector.open(new BrokerCredentials(BrokerId.PAPER, account.connectionId(),
                Map.of("app_key", c.appKey(), "app_secret", c.appSecret(), "access_token", c.accessToken()),
                Map.of("http", c.httpUrl(), "quote_ws", c.quoteWsUrl(), "trade_ws", c.tradeWsUrl())))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        session.push().addListener(new Owner(account));
        session.push().connect().toCompletableFuture().get(20, TimeUnit.SECONDS);
        sessions.put(account.id(), session);
    }

    @Override
    public Optional<BrokerSession> session(String accountId) {
        if (TestAccounts.C.equals(accountId)) {
            return Optional.empty(); // owned by "another pod"
        }
        return Optional.ofNullable(sessions.get(accountId));
    }

    /** Subscribes on the owner's socket, as stream-service does for its clients; the pushes feed quote-service. */
    public void subscribe(String accountId, Set<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        sessions.get(accountId).push().subscribe(ids, kinds).toCompletableFuture().join();
    }

    public void unsubscribe(String accountId, Set<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        sessions.get(accountId).push().unsubscribe(ids, kinds).toCompletableFuture().join();
    }

    /** The trades pushed to an account's socket since the last {@link #clearTrades}, in push order. */
    public List<TradeTick> pushedTrades(String accountId) {
        return List.copyOf(pushedTrades.getOrDefault(accountId, List.of()));
    }

    /** The latest quote pushed to an account's socket for an instrument. */
    public Optional<Quote> lastPushedQuote(String accountId, InstrumentId id) {
        return Optional.ofNullable(lastQuotes.get(accountId + "|" + id.symbol()));
    }

    public void clearTrades() {
        pushedTrades.clear();
    }

    public SimExchange exchange() {
        return exchange;
    }

    public SimExchangeServer server() {
        return server;
    }

    public SimAdminClient admin() {
        return new SimAdminClient(server.httpUrl());
    }

    /** The manual clock, when the market runs on one. */
    public ManualClock manualClock() {
        if (!(exchange.clock() instanceof ManualClock m)) {
            throw new IllegalStateException("the market runs on the system clock; set " + MANUAL_CLOCK + "=true");
        }
        return m;
    }

    /** One market step after moving the manual clock. */
    public void step(Duration by) {
        manualClock().advance(by);
        exchange.step().toCompletableFuture().join();
    }

    public static String extraSymbol(int i) {
        return (30000 + i) + ".HK";
    }

    /** Publishes one account's pushes as stream-service's owner does: stamped with tenant, account, epoch and a sequence per instrument. */
    private final class Owner implements PushListener {
        private final Account account;
        private final Map<InstrumentId, long[]> sequences = new HashMap<>();

        Owner(Account account) {
            this.account = account;
        }

        @Override
        public void onQuote(Quote quote) {
            lastQuotes.put(account.id() + "|" + quote.instrument().symbol(), quote);
            publish(quote.instrument(), s -> MarketDataEvent.quote(s, quote));
        }

        @Override
        public void onDepth(Depth depth) {
            publish(depth.instrument(), s -> MarketDataEvent.depth(s, depth));
        }

        @Override
        public void onTrades(List<TradeTick> trades) {
            if (!trades.isEmpty()) {
                pushedTrades.computeIfAbsent(account.id(), k -> new CopyOnWriteArrayList<>()).addAll(trades);
                publish(trades.get(0).instrument(), s -> MarketDataEvent.trades(s, trades.get(0).instrument(), trades));
            }
        }

        private synchronized void publish(InstrumentId instrument, java.util.function.Function<EventStamp, MarketDataEvent> event) {
            long sequence = ++sequences.computeIfAbsent(instrument, i -> new long[1])[0];
            emitter.send(Message.of(event.apply(new EventStamp(account.tenantId(), account.id(), 1, sequence, Instant.now()))));
        }
    }
}

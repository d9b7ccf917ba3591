package io.brokergate.trade.sim;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.market.Quote;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.PushListener;
import io.brokergate.longport.adapter.LongPortConnector;
import io.brokergate.longport.adapter.LongPortSettings;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The stand-in for what all-in-one brings: four paper accounts (two tenants) on a real
 * sim-exchange over a frozen market, their broker sessions, and a push-to-event bridge that
 * publishes order events on the in-JVM {@code order-events} topic the way a socket owner does.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SimTradingAccounts implements AccountDirectory, AccountSessions {

    public static final String ACCOUNT_A = "acc-a";
    public static final String ACCOUNT_A2 = "acc-a2";
    public static final String ACCOUNT_B = "acc-b";
    /** Only the ownership-move test publishes for it (as owners of several epochs). */
    public static final String ACCOUNT_MOVED = "acc-moved";
    public static final String TENANT_A = "tenant-a";
    public static final String TENANT_B = "tenant-b";
    /** Broker call timeout: short so that injected latency produces unknown outcomes quickly. */
    public static final Duration REST_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    @Channel("test-order-events")
    Emitter<AccountEvent> events;
    @Channel("test-market-data")
    Emitter<MarketDataEvent> marketData;

    @Inject
    Vertx vertx;

    private SimExchangeServer sim;
    private ScheduledExecutorService timer;
    private LongPortConnector connector;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, BrokerSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Map<String, SubscriptionIntent> lastIntents = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        SimExchange exchange = SimExchange.create(SimConfig.defaults().toBuilder().historyDays(1)
                .initialAccounts(List.of()).build(), SystemClock.INSTANCE);
        LongPortLimits relaxed = LongPortLimits.defaults().withTradeMinSpacing(Duration.ZERO)
                .withTradeCalls(100_000, Duration.ofSeconds(30));
        // trade-service's surefire sets vertx.disableWebsockets=false, so this in-process exchange keeps its WebSockets.
        sim = SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0).withLimits(relaxed),
                exchange);
        timer = Executors.newSingleThreadScheduledExecutor();
        // The application's own Vert.x, as stream-service uses it in all-in-one.
        connector = new LongPortConnector(BrokerId.PAPER, vertx, timer, LongPortSettings.defaults().withRestTimeout(REST_TIMEOUT));
        open(ACCOUNT_A, TENANT_A, "PT0000A");
        open(ACCOUNT_A2, TENANT_A, "PT000A2");
        open(ACCOUNT_B, TENANT_B, "PT0000B");
        open(ACCOUNT_MOVED, TENANT_A, "PT000MV");
    }

    private void open(String accountId, String tenant, String brokerNo) {
        PaperCredentials c = sim.registerAccount(new PaperAccountSpec(brokerNo, accountId, "key-" + brokerNo,
                "secret-" + brokerNo, "token-" + brokerNo, Map.of("HKD", new BigDecimal("100000000"))));
        Account account = new Account(accountId, tenant, "conn-" + accountId, BrokerId.PAPER, brokerNo, accountId, "HKD",
                AccountKind.PAPER);
        accounts.put(accountId, account);
        BrokerSession session = connector.open(new BrokerCredentials(BrokerId.PAPER, account.connectionId(),
                Map.of("app_key", c.appKey(), "app_secret", c.appSecret(), "access_token", c.accessToken()),
                Map.of("http", c.httpUrl(), "quote_ws", c.quoteWsUrl(), "trade_ws", c.tradeWsUrl())))
                .toCompletableFuture().join();
        session.push().addListener(new Bridge(account));
        session.push().connect().toCompletableFuture().join();
        sessions.put(accountId, session);
    }

    /** Subscribes what trade-service asks for on the account's session, as the socket owner does (no union: one asker). */
    @Incoming("test-subscription-intents")
    void onIntent(SubscriptionIntent intent) {
        lastIntents.put(intent.accountId(), intent);
        BrokerSession session = sessions.get(intent.accountId());
        if (session != null && !intent.wanted().isEmpty()) {
            session.push().subscribe(intent.wanted().keySet(), Set.of(SubscriptionKind.QUOTE)).toCompletableFuture().join();
        }
    }

    /** The latest intent trade-service stated for the account, or null. */
    public SubscriptionIntent lastIntent(String accountId) {
        return lastIntents.get(accountId);
    }

    /** Publishes the account's order pushes as a socket owner would: gateway account id, epoch 1, gap-free sequence. */
    private final class Bridge implements PushListener {
        private final Account account;
        private final AtomicReference<Set<InstrumentId>> held = new AtomicReference<>(Set.of());

        Bridge(Account account) {
            this.account = account;
        }

        @Override
        public void onQuote(Quote quote) {
            marketData.send(MarketDataEvent.quote(stamp(), quote));
        }

        @Override
        public void onOrder(Order order) {
            events.send(AccountEvent.order(stamp(), order.withAccountId(account.id())));
        }

        @Override
        public void onExecution(Execution execution) {
            events.send(AccountEvent.execution(stamp(), execution.withAccountId(account.id())));
            refreshHoldings();
        }

        /** After a fill the owner re-reads positions and balances (stream-service coalesces these). */
        private void refreshHoldings() {
            var trading = sessions.get(account.id()).trading();
            trading.positions(account.brokerAccountNo()).thenAccept(all -> {
                all.forEach(p -> events.send(AccountEvent.position(stamp(), p.withAccountId(account.id()))));
                // As stream-service's publisher: a holding that is gone is published flat.
                Set<InstrumentId> now = new HashSet<>();
                all.forEach(p -> now.add(p.instrument()));
                for (InstrumentId gone : held.getAndSet(Set.copyOf(now))) {
                    if (!now.contains(gone)) {
                        events.send(AccountEvent.position(stamp(), new Position(account.id(), gone, BigDecimal.ZERO,
                                BigDecimal.ZERO, null, null, null, null, account.currency())));
                    }
                }
            });
            trading.balances(account.brokerAccountNo()).thenAccept(b -> events.send(AccountEvent.balances(stamp(), b)));
        }

        private EventStamp stamp() {
            long seq = sequences.computeIfAbsent(account.id(), k -> new AtomicLong()).incrementAndGet();
            return new EventStamp(account.tenantId(), account.id(), 1, seq, Instant.now());
        }
    }

    /** Publishes an arbitrary event for an account, e.g. a stale owner's. */
    public void publish(AccountEvent event) {
        events.send(event);
    }

    public Account account(String id) {
        return accounts.get(id);
    }

    public SimExchangeServer sim() {
        return sim;
    }

    @Override
    public Optional<Account> find(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return accounts.values().stream().filter(a -> a.tenantId().equals(tenantId))
                .sorted(java.util.Comparator.comparing(Account::id)).toList();
    }

    @Override
    public Optional<BrokerSession> session(String accountId) {
        return Optional.ofNullable(sessions.get(accountId));
    }

    void stop(@Observes ShutdownEvent event) {
        sessions.values().forEach(BrokerSession::close);
        connector.close().toCompletableFuture().join();
        timer.shutdownNow();
        sim.close();
    }
}

package io.brokergate.stream.upstream;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.market.SimInstrument;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Two paper accounts (two tenants) on a real sim-exchange over a frozen market: prices move only
 * when a test moves them, so every push a test sees was caused by the test. The listing has
 * {@value #EXTRA_SYMBOLS} extra instruments so the 500-symbol cap can be reached for real.
 * Enabled by {@link SimUpstreamProfile} only; {@value #LIVE_MARKET}{@code =true} runs the market generator.
 */
@Alternative
@ApplicationScoped
@Startup // the exchange starts on the main thread during startup, never on an ownership thread racing it (see withWebSockets)
public class SimUpstreamAccounts implements UpstreamAccounts {

    public static final String ACCOUNT_A = "acc-a";
    public static final String ACCOUNT_B = "acc-b";
    public static final String BROKER_NO_A = "PA0000A";
    public static final String BROKER_NO_B = "PA0000B";
    public static final int EXTRA_SYMBOLS = 500;
    /** Test config: run the market generator instead of a frozen market. */
    public static final String LIVE_MARKET = "test.sim.live-market";

    private static final String DISABLE_WEBSOCKETS = "vertx.disableWebsockets";

    private SimExchangeServer sim;
    private final List<UpstreamAccount> owned = new ArrayList<>();

    /** Not in the constructor: the client proxy runs that too. */
    @PostConstruct
    void start() {
        List<SimInstrument> listing = new ArrayList<>(SimConfig.defaultInstruments());
        for (int i = 0; i < EXTRA_SYMBOLS; i++) {
            listing.add(SimInstrument.stock(extraSymbol(i), "Extra " + i, 100, "10", 0.2));
        }
        SimConfig config = SimConfig.defaults().toBuilder().instruments(listing).historyDays(1)
                .initialAccounts(List.of()).build();
        SimExchange exchange = SimExchange.create(config, SystemClock.INSTANCE);
        if (ConfigProvider.getConfig().getOptionalValue(LIVE_MARKET, Boolean.class).orElse(false)) {
            exchange.start();
        }
        sim = withWebSockets(() -> SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withMarketTickInterval(Duration.ofMillis(100)), exchange));
        owned.add(register(ACCOUNT_A, "tenant-a", BROKER_NO_A));
        owned.add(register(ACCOUNT_B, "tenant-b", BROKER_NO_B));
    }

    /**
     * A Quarkus test run leaves {@code vertx.disableWebsockets=true} in the JVM's system properties; a
     * Vert.x instance created under it has no WebSockets (a server hands upgrades to its router: 404).
     */
    public static <T> T withWebSockets(Supplier<T> create) {
        synchronized (DISABLE_WEBSOCKETS) {
            String disabled = System.clearProperty(DISABLE_WEBSOCKETS);
            try {
                return create.get();
            } finally {
                if (disabled != null) {
                    System.setProperty(DISABLE_WEBSOCKETS, disabled);
                }
            }
        }
    }

    public static String extraSymbol(int i) {
        return (20000 + i) + ".HK";
    }

    private UpstreamAccount register(String accountId, String tenant, String brokerNo) {
        PaperCredentials c = sim.registerAccount(new PaperAccountSpec(brokerNo, accountId, "key-" + brokerNo,
                "secret-" + brokerNo, "token-" + brokerNo, Map.of("HKD", new BigDecimal("100000000"))));
        Account account = new Account(accountId, tenant, "conn-" + accountId, BrokerId.PAPER, brokerNo, accountId, "HKD",
                AccountKind.PAPER);
        return new UpstreamAccount(account, new BrokerCredentials(BrokerId.PAPER, account.connectionId(),
                Map.of("app_key", c.appKey(), "app_secret", c.appSecret(), "access_token", c.accessToken()),
                Map.of("http", c.httpUrl(), "quote_ws", c.quoteWsUrl(), "trade_ws", c.tradeWsUrl())));
    }

    @Override
    public List<UpstreamAccount> owned() {
        return List.copyOf(owned);
    }

    public SimExchangeServer sim() {
        return sim;
    }

    /** After the sessions closed (their priority is lower). */
    void stop(@Observes @Priority(UpstreamSessions.STOP_PRIORITY + 100) ShutdownEvent event) {
        sim.close();
    }
}

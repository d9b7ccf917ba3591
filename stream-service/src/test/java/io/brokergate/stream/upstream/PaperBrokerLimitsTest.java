package io.brokergate.stream.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.limits.OutboundLimit;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.longport.adapter.LongPortCapabilities;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paper accounts keep LongPort's trade limit unless {@code brokergate.paper-broker.*} says
 * otherwise; relaxed settings reach the governor of paper sessions only, and a paper exchange with
 * the same relaxed rule takes every call the governor lets through.
 */
class PaperBrokerLimitsTest {

    private static final String RELAXED_CALLS = "5000";
    private final Vertx vertx = SimUpstreamAccounts.withWebSockets(Vertx::vertx);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void byDefaultPaperAccountsKeepLongPortsLimits() {
        PaperBrokerLimits defaults = defaults();
        assertEquals(LongPortCapabilities.LIMITS, defaults.limits());
        BrokerConnectors connectors = connectors(defaults);
        assertEquals(LongPortCapabilities.LIMITS, connectors.forBroker(BrokerId.PAPER).orElseThrow().outboundLimits());
        assertEquals(LongPortCapabilities.LIMITS, connectors.forBroker(BrokerId.LONGPORT).orElseThrow().outboundLimits());
    }

    @Test
    void relaxedSettingsGovernPaperAccountsOnly() {
        BrokerConnectors connectors = connectors(relaxed());
        OutboundLimit paperTrade = connectors.forBroker(BrokerId.PAPER).orElseThrow().outboundLimits()
                .forCategory(OutboundCategory.TRADE).orElseThrow();
        assertEquals(new OutboundLimit(OutboundCategory.TRADE, 5000, Duration.ofSeconds(1), Duration.ZERO, 0,
                OutboundLimit.Overflow.QUEUE), paperTrade);
        assertEquals(LongPortCapabilities.LIMITS, connectors.forBroker(BrokerId.LONGPORT).orElseThrow().outboundLimits());
    }

    /**
     * Under LongPort's rule the 31st of these orders would wait 30 s for the window, beyond the
     * governor's 10 s queue limit, and fail with rate_limited; relaxed, all 100 reach the exchange
     * at once, each exactly once.
     */
    @Test
    void relaxedLimitsLetAHundredOrdersThroughAtOnceAndTheExchangeTakesThemAll() throws Exception {
        SimExchangeServer sim = relaxedExchange();
        PaperCredentials account = sim.registerAccount(new PaperAccountSpec("PA0000R", "relaxed", "key-r", "secret-r",
                "token-r", Map.of("USD", new BigDecimal("1000000"))));
        BrokerSession session = connectors(relaxed()).forBroker(BrokerId.PAPER).orElseThrow().open(credentials(account))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        opened.add(() -> session.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS));

        List<CompletableFuture<OrderAck>> acks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            acks.add(session.trading().place(limitBuy(account.accountNo(), "relaxed-" + i)).toCompletableFuture());
        }
        Set<String> orderIds = new HashSet<>();
        for (CompletableFuture<OrderAck> ack : acks) {
            orderIds.add(ack.get(20, TimeUnit.SECONDS).orderId());
        }
        assertEquals(100, orderIds.size());
        assertEquals(100, sim.exchange().historyOrders(account.accountNo(), OrderQuery.ALL).toCompletableFuture()
                .get(5, TimeUnit.SECONDS).size());
        assertEquals(100, new SimAdminClient(sim.httpUrl()).requests(account.accountNo(), "POST /v1/trade/order"),
                "no call was refused by the exchange and retried");
    }

    /** The settings with nothing configured. */
    static PaperBrokerLimits defaults() {
        return limits(Map.of());
    }

    private static PaperBrokerLimits relaxed() {
        return limits(Map.of("brokergate.paper-broker.trade-calls", RELAXED_CALLS,
                "brokergate.paper-broker.trade-window", "1s", "brokergate.paper-broker.trade-min-spacing", "0ms"));
    }

    private static PaperBrokerLimits limits(Map<String, String> properties) {
        // Quarkus's converter reads "30s" and "20ms" as an application does.
        return new SmallRyeConfigBuilder().withMapping(PaperBrokerLimits.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(PaperBrokerLimits.class);
    }

    private BrokerConnectors connectors(PaperBrokerLimits limits) {
        BrokerConnectors connectors = new BrokerConnectors(vertx, limits);
        opened.add(() -> connectors.stop(null));
        return connectors;
    }

    private SimExchangeServer relaxedExchange() {
        SimExchange exchange = SimExchange.create(SimConfig.defaults().toBuilder().historyDays(1).initialAccounts(List.of())
                .build(), SystemClock.INSTANCE); // frozen market
        SimExchangeServer sim = SimUpstreamAccounts.withWebSockets(() -> SimExchangeServer.start(SimServerSettings.defaults()
                .withHost("127.0.0.1").withPort(0).withLimits(LongPortLimits.defaults()
                        .withTradeCalls(Integer.parseInt(RELAXED_CALLS), Duration.ofSeconds(1)).withTradeMinSpacing(Duration.ZERO)),
                exchange));
        opened.add(sim);
        return sim;
    }

    private static BrokerCredentials credentials(PaperCredentials c) {
        return new BrokerCredentials(BrokerId.PAPER, "conn-" + c.accountNo(),
                Map.of("app_key", c.appKey(), "app_secret", c.appSecret(), "access_token", c.accessToken(),
                        "account_no", c.accountNo()),
                Map.of("http", c.httpUrl(), "quote_ws", c.quoteWsUrl(), "trade_ws", c.tradeWsUrl()));
    }

    private static OrderRequest limitBuy(String accountNo, String clientOrderId) {
        return new OrderRequest(accountNo, clientOrderId, InstrumentId.parse("AAPL.US"), Side.BUY, OrderType.LIMIT,
                BigDecimal.ONE, new BigDecimal("250.00"), null, null, null, TimeInForce.DAY, null, false);
    }
}

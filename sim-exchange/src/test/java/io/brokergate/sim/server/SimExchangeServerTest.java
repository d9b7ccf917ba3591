package io.brokergate.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubscribeRequest;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.QuoteCommand;
import io.brokergate.sim.SimExchangeMain;
import io.brokergate.sim.longport.LongPortRestClient;
import io.brokergate.sim.longport.LongPortSocketClient;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimExchangeServerTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void registerAccountIsIdempotentAndFundsTheEngineAccount() throws Exception {
        try (SimExchangeServer server = QuietExchange.server(SimServerSettings.defaults())) {
            PaperAccountSpec spec = new PaperAccountSpec("P1", "Paper one", "k1", "s1", "t1",
                    Map.of("HKD", new BigDecimal("12345")));
            PaperCredentials first = server.registerAccount(spec);
            PaperCredentials again = server.registerAccount(spec);
            assertEquals(first, again);
            assertEquals(1, server.accounts().size());
            assertEquals(1, server.exchange().accounts().toCompletableFuture().get().size());
            assertEquals(0, new BigDecimal("12345").compareTo(server.exchange().balances("P1").toCompletableFuture().get()
                    .stream().filter(b -> b.currency().equals("HKD")).findFirst().orElseThrow().cash()));

            assertEquals(server.httpUrl(), first.httpUrl());
            assertEquals(server.quoteWebSocketUrl(), first.quoteWsUrl());
            assertEquals(server.tradeWebSocketUrl(), first.tradeWsUrl());

            // New credentials for the same account replace the old ones; the engine account stays.
            PaperCredentials rotated = server.registerAccount(new PaperAccountSpec("P1", "Paper one", "k1b", "s1b", "t1b",
                    Map.of()));
            assertEquals("k1b", rotated.appKey());
            assertEquals(403203, new LongPortRestClient(first).get("/v1/asset/account").code());
            assertEquals(0, new LongPortRestClient(rotated).get("/v1/asset/account").code());

            assertThrows(IllegalArgumentException.class, () -> server.registerAccount(
                    new PaperAccountSpec("P2", null, "k1b", "x", "y", Map.of())), "app key of another account");
            assertThrows(IllegalArgumentException.class, () -> new PaperAccountSpec("P3", null, "has space", "x", "y",
                    Map.of()));
        }
    }

    @Test
    void urlsFollowTheContract() {
        try (SimExchangeServer server = SimExchangeServer.start(SimServerSettings.defaults().withHost("0.0.0.0")
                .withPort(0), QuietExchange.create())) {
            assertTrue(server.port() > 0);
            assertEquals("http://127.0.0.1:" + server.port(), server.httpUrl());
            assertEquals("ws://127.0.0.1:" + server.port() + "/quote/v2", server.quoteWebSocketUrl());
            assertEquals("ws://127.0.0.1:" + server.port() + "/trade/v2", server.tradeWebSocketUrl());
        }
    }

    @Test
    void closeTellsSocketsServerShutdownAndFreesThePort() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            SimExchangeServer server = QuietExchange.server(SimServerSettings.defaults());
            PaperCredentials c = server.registerAccount(new PaperAccountSpec("P1", null, "k", "s", "t", Map.of()));
            LongPortSocketClient quote = LongPortSocketClient.connect(vertx, c.quoteWsUrl());
            String otp = new LongPortRestClient(c).get("/v1/socket/token").data().get("otp").asText();
            assertEquals(0, quote.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build()).status());
            int port = server.port();
            server.close();
            assertTrue(quote.awaitClosed(WAIT));
            assertEquals(Close.Code.SERVER_SHUTDOWN, quote.closePush().getCode());
            server.close(); // idempotent
            try (ServerSocket reuse = new ServerSocket(port)) {
                assertEquals(port, reuse.getLocalPort());
            }
        } finally {
            vertx.close();
        }
    }

    @Test
    void runningMarketPushesWithoutAnyoneMovingPrices() {
        Vertx vertx = Vertx.vertx();
        try (SimExchangeServer server = SimExchangeServer.start(SimServerSettings.defaults().withPort(0).withSeed(7)
                .withMarketTickInterval(Duration.ofMillis(50)))) {
            PaperCredentials c = server.registerAccount(new PaperAccountSpec("LIVE", null, "k", "s", "t", Map.of()));
            try (LongPortSocketClient quote = LongPortSocketClient.connect(vertx, c.quoteWsUrl())) {
                String otp = new LongPortRestClient(c).get("/v1/socket/token").data().get("otp").asText();
                assertEquals(0, quote.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build()).status());
                assertEquals(0, quote.request(QuoteCommand.SUBSCRIBE, SubscribeRequest.newBuilder().addSymbol("700.HK")
                        .addSymbol("AAPL.US").addSubType(SubType.SUB_TYPE_QUOTE).addSubType(SubType.SUB_TYPE_TRADE)
                        .build()).status());
                quote.awaitPush(p -> p.cmd() == QuoteCommand.PUSH_QUOTE, WAIT);
                quote.awaitPush(p -> p.cmd() == QuoteCommand.PUSH_QUOTE, WAIT);
            }
            assertTrue(server.exchange().isRunning());
        } finally {
            vertx.close();
        }
    }

    @Test
    void settingsDefaultsAndWithers() {
        SimServerSettings d = SimServerSettings.defaults();
        assertEquals("127.0.0.1", d.host());
        assertEquals(8081, d.port());
        assertFalse(d.enforceSessions());
        assertEquals(Duration.ofSeconds(20), d.pingInterval());
        assertEquals(Duration.ofSeconds(60), d.timestampWindow());
        assertEquals(500, d.limits().subscribedSymbols());
        assertEquals(10, d.limits().quoteRequestsPerSecond());
        assertEquals(5, d.limits().quoteRequestsInFlight());
        assertEquals(10, d.limits().socketsPerAccount());
        assertEquals(64 * 1024, d.limits().maxBodyBytes());
        SimServerSettings s = d.withHost("0.0.0.0").withPort(0).withSeed(9).withEnforceSessions(true)
                .withIdleTimeout(Duration.ofSeconds(5)).withOtpLifetime(Duration.ofSeconds(1));
        assertEquals(9, s.seed());
        assertTrue(s.enforceSessions());
        assertNotEquals(d, s);
        assertThrows(IllegalArgumentException.class, () -> d.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> d.withPingInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.limits().withSubscribedSymbols(0));
    }

    @Test
    void mainReadsFlagsBeforeEnvironment() {
        SimServerSettings s = SimExchangeMain.settings(new String[] {"--port", "9001", "--seed", "5"},
                Map.of("SIM_PORT", "9000", "SIM_HOST", "0.0.0.0")::get);
        assertEquals(9001, s.port());
        assertEquals(5, s.seed());
        assertEquals("0.0.0.0", s.host());
        assertThrows(IllegalArgumentException.class, () -> SimExchangeMain.settings(new String[] {"--colour", "red"},
                k -> null));
        assertThrows(IllegalArgumentException.class, () -> SimExchangeMain.settings(new String[] {"--port", "x"},
                k -> null));
        assertEquals(SimServerSettings.defaults(), SimExchangeMain.settings(new String[0], k -> null));
    }

    @Test
    void mainKeepsLongPortsTradeRuleUnlessToldToRelaxIt() {
        assertEquals(LongPortLimits.defaults(), SimExchangeMain.settings(new String[0], k -> null).limits());
        LongPortLimits relaxed = SimExchangeMain.settings(new String[] {"--trade-calls", "100000", "--trade-min-spacing", "0"},
                Map.of("SIM_TRADE_WINDOW", "1s", "SIM_TRADE_CALLS", "50")::get).limits();
        assertEquals(LongPortLimits.defaults().withTradeCalls(100_000, Duration.ofSeconds(1)).withTradeMinSpacing(Duration.ZERO),
                relaxed);
        assertEquals(Duration.ofMillis(5), SimExchangeMain.settings(new String[] {"--trade-min-spacing", "5ms"}, k -> null)
                .limits().tradeMinSpacing());
        assertThrows(IllegalArgumentException.class, () -> SimExchangeMain.settings(new String[] {"--trade-window", "soon"},
                k -> null));
        assertThrows(IllegalArgumentException.class, () -> SimExchangeMain.settings(new String[] {"--trade-calls", "0"},
                k -> null));
    }
}

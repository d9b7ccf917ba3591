package io.brokergate.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.sim.longport.LongPortRestClient;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test class's LongPort server over a {@link QuietExchange}, with trade limits relaxed so that
 * tests can trade back to back, a Vert.x instance for socket clients, and a fresh account for each
 * test, so that connection rules and limits do not leak between tests.
 */
public final class TestExchange implements AutoCloseable {

    private final SimExchangeServer server;
    private final String prefix;
    private final AtomicInteger accounts = new AtomicInteger();
    private Vertx vertx;

    private TestExchange(SimExchangeServer server, String prefix) {
        this.server = server;
        this.prefix = prefix;
    }

    /** @param prefix account numbers are {@code prefix} plus a counter, credentials derive from them */
    public static TestExchange start(String prefix) {
        return start(prefix, SimServerSettings.defaults());
    }

    /** As {@link #start(String)}, with other settings besides the relaxed trade limits. */
    public static TestExchange start(String prefix, SimServerSettings settings) {
        return new TestExchange(QuietExchange.server(settings.withLimits(relaxedTradeLimits())), prefix);
    }

    /** The default limits without the trade call spacing, and with room for 10,000 trade calls per 30 s. */
    public static LongPortLimits relaxedTradeLimits() {
        return LongPortLimits.defaults().withTradeMinSpacing(Duration.ZERO).withTradeCalls(10_000, Duration.ofSeconds(30));
    }

    public SimExchangeServer server() {
        return server;
    }

    /** Created on first use, since REST-only tests need none. */
    public synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    /** A new account on this server. */
    public PaperCredentials newAccount() {
        return newAccountOn(server);
    }

    /** A new account on another server, numbered on from this fixture's accounts. */
    public PaperCredentials newAccountOn(SimExchangeServer other) {
        String accountNo = prefix + accounts.incrementAndGet();
        String stem = accountNo.toLowerCase(Locale.ROOT);
        return other.registerAccount(new PaperAccountSpec(accountNo, null, stem + "-key", stem + "-secret",
                stem + "-token", Map.of()));
    }

    /** Moves an instrument's price through the admin API, as an operator would. */
    public void movePrice(String symbol, String price) {
        LongPortRestClient.Reply r = LongPortRestClient.exchange(HttpRequest.newBuilder(
                URI.create(server.httpUrl() + "/admin/instruments/" + symbol + "/price"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"price\":\"" + price + "\"}")).build());
        assertEquals(200, r.status(), r.toString());
    }

    @Override
    public synchronized void close() {
        server.close();
        if (vertx != null) {
            vertx.close();
        }
    }
}

package io.brokergate.bench.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.bench.quotes.GatewayClient;
import io.brokergate.sim.admin.SimAdminClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway under test: the packaged all-in-one application in its own JVM with a fresh data
 * directory, its paper exchange in-process on a free loopback port, and the demo tenant, user and
 * paper account seeded on start. Orders go the whole way: native API → trade-service → the
 * account's governor → LongPort REST over loopback → paper exchange.
 */
final class Gateway implements AutoCloseable {

    private static final String DEMO_PASSWORD = "bench-demo-password";

    private final ServiceProcess process;
    private final int paperPort;
    private final SimAdminClient admin;

    /**
     * @param tradeLimit {@code brokergate.paper-broker.*} settings (calls, window, min spacing) for the
     *                   governor and the in-process exchange alike; null keeps LongPort's rule
     */
    Gateway(Path jar, String heap, List<String> jvmOptions, TradeLimit tradeLimit, Path dataDir, Path log) throws IOException {
        paperPort = ServiceProcess.freePort();
        List<String> properties = new ArrayList<>(List.of("brokergate.paper.port=" + paperPort,
                "brokergate.data-dir=" + dataDir.toAbsolutePath(), "brokergate.demo.password=" + DEMO_PASSWORD));
        if (tradeLimit != null) {
            properties.addAll(List.of("brokergate.paper-broker.trade-calls=" + tradeLimit.calls(),
                    "brokergate.paper-broker.trade-window=" + tradeLimit.window().toMillis() + "ms",
                    "brokergate.paper-broker.trade-min-spacing=" + tradeLimit.minSpacing().toMillis() + "ms"));
        }
        process = new ServiceProcess(jar, heap, jvmOptions, properties, log);
        admin = new SimAdminClient("http://127.0.0.1:" + paperPort);
    }

    /** A paper trade limit: {@code calls} per {@code window}, at least {@code minSpacing} apart. */
    record TradeLimit(int calls, Duration window, Duration minSpacing) {
        @Override
        public String toString() {
            return calls + " trade calls per " + window.toMillis() + " ms, " + minSpacing.toMillis() + " ms apart";
        }
    }

    /** Waits until every readiness check is up, the demo account's broker socket included. */
    void awaitReady(Duration timeout) throws Exception {
        process.awaitReady("all-in-one", timeout, ready -> ready.contains("\"status\": \"UP\"") && ready.contains("connected"));
    }

    String url() {
        return "http://127.0.0.1:" + process.port();
    }

    int port() {
        return process.port();
    }

    long pid() {
        return process.pid();
    }

    SimAdminClient admin() {
        return admin;
    }

    /** The demo user logged in (TradingView's password flow): scopes quotes:read, accounts:read, trade. */
    GatewayClient login() throws IOException, InterruptedException {
        return new GatewayClient(url(), "demo", DEMO_PASSWORD);
    }

    /** The gateway's id of the demo paper account. */
    static String paperAccountId(GatewayClient client) throws IOException, InterruptedException {
        for (JsonNode a : GatewayClient.json(client.send("/v1/accounts").body())) {
            if ("paper".equals(a.path("broker").asText())) {
                return a.path("id").asText();
            }
        }
        throw new IllegalStateException("the demo user sees no paper account");
    }

    /** The exchange's number of that account: the only one on a fresh exchange. */
    String brokerAccountNo() {
        JsonNode accounts = admin.get("/admin/accounts").path("accounts");
        if (accounts.size() != 1) {
            throw new IllegalStateException("expected the demo account alone on the exchange: " + accounts);
        }
        return accounts.get(0).path("account_no").asText();
    }

    double cpuSeconds() throws IOException {
        return process.cpuSeconds();
    }

    long rss() throws IOException {
        return process.rss();
    }

    @Override
    public void close() {
        process.close();
    }
}

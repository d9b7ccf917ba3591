package io.brokergate.cluster;

import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brokergate in cluster mode on one machine, every part a separate process as in Kubernetes: a KRaft
 * Kafka broker (child JVM), PostgreSQL (the CI's server; auth- and trade-service each in a fresh
 * schema), the paper exchange (in this JVM: the test reads its socket counters), auth-, quote- and
 * trade-service and two stream-service pods, each from its packaged {@code quarkus-run.jar}.
 */
final class ClusterUnderTest implements AutoCloseable {

    static final String SERVICE_SECRET = "cluster-test-service-secret-" + UUID.randomUUID();
    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator password " + UUID.randomUUID();
    static final String REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Duration START = Duration.ofSeconds(120);

    private final Path repository = Path.of(System.getProperty("brokergate.repository", "..")).toAbsolutePath().normalize();
    private final Path work;
    private final ClusterDatabase database;
    private final KafkaTestBroker kafka;
    private final SimExchangeServer sim;
    private final List<ServicePod> pods = new ArrayList<>();
    final ServicePod auth;
    final ServicePod quote;
    final ServicePod trade;
    final ServicePod streamOne;
    final ServicePod streamTwo;

    ClusterUnderTest() throws IOException {
        work = repository.resolve("cluster-tests/target/cluster-" + System.currentTimeMillis());
        Files.createDirectories(work);
        database = ClusterDatabase.create();
        kafka = KafkaTestBroker.childProcess(work.resolve("kafka"));
        sim = SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withLimits(LongPortLimits.defaults()));
        int authPort = freePort();
        String authUrl = "http://127.0.0.1:" + authPort;
        auth = pod("auth-service", "auth-service", authPort, authSettings(authUrl));
        quote = pod("quote-service", "quote-service", freePort(), clusterSettings(authUrl));
        Map<String, String> trade = clusterSettings(authUrl);
        trade.putAll(database.tradeSettings());
        this.trade = pod("trade-service", "trade-service", freePort(), trade);
        streamOne = streamPod("stream-1", authUrl);
        streamTwo = streamPod("stream-2", authUrl);
    }

    /** Starts every process and waits until each is ready; auth-service first (the others read its keys and accounts). */
    ClusterUnderTest start() {
        auth.start().awaitReady(START);
        for (ServicePod p : List.of(quote, trade, streamOne, streamTwo)) {
            p.start();
        }
        for (ServicePod p : List.of(quote, trade, streamOne, streamTwo)) {
            p.awaitReady(START);
        }
        return this;
    }

    SimExchangeServer sim() {
        return sim;
    }

    List<ServicePod> pods() {
        return List.copyOf(pods);
    }

    private ServicePod streamPod(String name, String authUrl) {
        int port = freePort();
        Map<String, String> s = clusterSettings(authUrl);
        s.put("brokergate.stream.pod-id", name);
        s.put("brokergate.kafka.shards.member-id", name);
        s.put("brokergate.kafka.shards.advertised-url", "http://127.0.0.1:" + port);
        return pod(name, "stream-service", port, s);
    }

    private Map<String, String> authSettings(String authUrl) {
        Map<String, String> s = common(authUrl);
        s.putAll(database.authSettings());
        s.put("brokergate.auth.issuer", authUrl);
        s.put("brokergate.auth.introspection-secret", SERVICE_SECRET);
        s.put("brokergate.auth.credential-key-file", work.resolve("credential.key").toString());
        s.put("brokergate.auth.bootstrap.operator-username", OPERATOR);
        s.put("brokergate.auth.bootstrap.operator-password", OPERATOR_PASSWORD);
        s.put("brokergate.auth.bootstrap.operator-redirect-uris", REDIRECT);
        return s;
    }

    /** What every service but auth-service needs in cluster mode: Kafka, and auth-service for callers and accounts. */
    private Map<String, String> clusterSettings(String authUrl) {
        Map<String, String> s = common(authUrl);
        s.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        s.put("brokergate.security.jwks-url", authUrl + "/oauth/jwks");
        s.put("brokergate.security.introspection-url", authUrl + "/oauth/introspect");
        s.put("brokergate.security.introspection-secret", SERVICE_SECRET);
        s.put("brokergate.security.accounts-url", authUrl + "/internal/v1/accounts");
        s.put("brokergate.security.accounts-refresh", "1s");
        // The broker's fast group settings: a killed pod's shards move after this timeout.
        s.put("brokergate.kafka.shards.session-timeout", "6s");
        return s;
    }

    private static Map<String, String> common(String authUrl) {
        Map<String, String> s = new HashMap<>();
        s.put("brokergate.security.issuer", authUrl);
        s.put("quarkus.log.console.json.enabled", "false");
        return s;
    }

    private ServicePod pod(String name, String module, int port, Map<String, String> settings) {
        ServicePod p = new ServicePod(name, repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), port,
                settings, work.resolve("logs"));
        pods.add(p);
        return p;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (ServicePod p : pods) {
            try {
                p.stop();
            } catch (RuntimeException e) {
                // keep stopping the others
            }
        }
        sim.close();
        kafka.close();
        database.close();
    }
}

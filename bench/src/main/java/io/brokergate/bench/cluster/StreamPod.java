package io.brokergate.bench.cluster;

import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.bench.stream.BenchAuth;
import io.brokergate.sim.server.PaperCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One packaged stream-service pod in its own JVM, every pod configured with the same paper accounts
 * ({@code brokergate.stream.owned-accounts.*}): in cluster mode ({@code prod,cluster}) the pods share
 * them through Kafka's consumer group on {@code account-shards}; without Kafka one pod owns them all
 * and its channels stay in the JVM.
 */
final class StreamPod implements AutoCloseable {

    static final String TENANT = "bench-tenant";
    private static final AtomicInteger STARTS = new AtomicInteger();

    private final String name;
    private final ServiceProcess process;

    private StreamPod(String name, ServiceProcess process) {
        this.name = name;
        this.process = process;
    }

    /** A cluster-mode pod named {@code name} (pod id and group member id) on {@code kafka}. */
    static StreamPod cluster(String name, String kafka, Duration sessionTimeout, Settings s) throws IOException {
        List<String> p = new ArrayList<>(List.of("quarkus.profile=prod,cluster", "kafka.bootstrap.servers=" + kafka,
                "brokergate.kafka.shards.session-timeout=" + sessionTimeout.toMillis() + "ms",
                "brokergate.kafka.shards.member-id=" + name, "brokergate.stream.pod-id=" + name));
        return start(name, p, s);
    }

    /** A pod in the default mode (all-in-one's wiring): in-JVM channels, every account owned here. */
    static StreamPod inJvm(String name, Settings s) throws IOException {
        return start(name, new ArrayList<>(), s);
    }

    private static StreamPod start(String name, List<String> p, Settings s) throws IOException {
        p.add("quarkus.log.console.json.enabled=false");
        p.addAll(s.podProperties());
        p.add("brokergate.security.issuer=" + BenchAuth.ISSUER);
        p.add("brokergate.security.jwks-url=" + s.jwksUrl());
        for (PaperCredentials a : s.accounts()) {
            String k = "brokergate.stream.owned-accounts." + accountId(a.accountNo()) + ".";
            p.addAll(List.of(k + "tenant=" + TENANT, k + "broker=paper", k + "account-no=" + a.accountNo(), k + "currency=USD",
                    k + "app-key=" + a.appKey(), k + "app-secret=" + a.appSecret(), k + "access-token=" + a.accessToken(),
                    k + "http-url=" + a.httpUrl(), k + "quote-ws-url=" + a.quoteWsUrl(), k + "trade-ws-url=" + a.tradeWsUrl()));
        }
        return new StreamPod(name, new ServiceProcess(s.jar(), s.heap(), List.of(), p, s.logDir().resolve(name + "-" + STARTS.incrementAndGet() + ".log")));
    }

    /** The gateway account id the pods give a paper account. */
    static String accountId(String accountNo) {
        return accountNo.toLowerCase(Locale.ROOT);
    }

    String name() {
        return name;
    }

    int port() {
        return process.port();
    }

    void awaitReady(Duration timeout) throws Exception {
        process.awaitReady(name, timeout, body -> body.contains("\"UP\""));
    }

    /** Broker account numbers whose sockets this pod holds connected (its readiness data). */
    Set<String> connectedAccounts() {
        Set<String> out = new TreeSet<>();
        try {
            JsonArray checks = new JsonObject(process.get("/q/health/ready")).getJsonArray("checks");
            for (int i = 0; i < checks.size(); i++) {
                JsonObject data = checks.getJsonObject(i).getJsonObject("data");
                if (data != null) {
                    data.forEach(e -> {
                        if (e.getKey().startsWith("paper:") && "connected".equals(e.getValue())) {
                            out.add(e.getKey().substring("paper:".length()));
                        }
                    });
                }
            }
        } catch (Exception gone) {
            // a pod that does not answer holds nothing we can see
        }
        return out;
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.kill();
    }

    /** SIGTERM and wait for the exit. */
    @Override
    public void close() {
        process.close();
    }

    /** What every pod of a run shares; {@code podProperties} ({@code key=value}) are passed to each pod as system properties. */
    record Settings(Path jar, String heap, String jwksUrl, List<PaperCredentials> accounts, Path logDir, List<String> podProperties) {

        /** The {@code --pod-properties} option: {@code key=value} pairs separated by commas, or empty. */
        static List<String> podProperties(String option) {
            return option.isBlank() ? List.of() : List.of(option.split(","));
        }
    }
}

package io.brokergate.bench.stream;

import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.sim.server.PaperCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The stream-service under test: the packaged standalone application in its own JVM (as a pod
 * runs it), owning the bench's paper account through configuration and verifying tokens against
 * the bench's JWKS. Reports heap after a full GC (jcmd), RSS and Prometheus counters.
 */
final class StreamServer implements AutoCloseable {

    static final String ACCOUNT = "bench";
    static final String TENANT = "bench-tenant";

    private final ServiceProcess process;

    StreamServer(Path jar, String heap, List<String> jvmOptions, PaperCredentials sim, String jwksUrl, Path log) throws IOException {
        String p = "brokergate.stream.owned-accounts." + ACCOUNT + ".";
        process = new ServiceProcess(jar, heap, jvmOptions, List.of(
                "quarkus.log.console.json.enabled=false",
                "brokergate.security.issuer=" + BenchAuth.ISSUER, "brokergate.security.jwks-url=" + jwksUrl,
                p + "tenant=" + TENANT, p + "broker=paper", p + "account-no=" + TickSource.ACCOUNT_NO, p + "currency=USD",
                p + "app-key=" + sim.appKey(), p + "app-secret=" + sim.appSecret(), p + "access-token=" + sim.accessToken(),
                p + "http-url=" + sim.httpUrl(), p + "quote-ws-url=" + sim.quoteWsUrl(), p + "trade-ws-url=" + sim.tradeWsUrl()),
                log);
    }

    int port() {
        return process.port();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the server is ready and the account's broker socket is connected. */
    void awaitConnected(Duration timeout) throws Exception {
        process.awaitReady("stream-service", timeout,
                ready -> ready.matches("(?s).*\"paper:" + TickSource.ACCOUNT_NO + "\"\\s*:\\s*\"connected\".*"));
    }

    /** Heap in use after a full collection, in bytes. */
    long heapAfterGc() throws Exception {
        return process.heapAfterGc();
    }

    /** CPU time the server process has used (user + system), in seconds. */
    double cpuSeconds() throws IOException {
        return process.cpuSeconds();
    }

    /** Resident set size of the server process, in bytes. */
    long rss() throws IOException {
        return process.rss();
    }

    /** A Prometheus counter or gauge summed over its series (0 when absent). */
    double metric(String name) throws Exception {
        return process.metric(name);
    }

    @Override
    public void close() {
        process.close();
    }
}

package io.brokergate.bench.stream;

import io.brokergate.sim.server.PaperCredentials;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stream-service under test: the packaged standalone application in its own JVM (as a pod
 * runs it), owning the bench's paper account through configuration and verifying tokens against
 * the bench's JWKS. Reports heap after a full GC (jcmd), RSS and Prometheus counters.
 */
final class StreamServer implements AutoCloseable {

    static final String ACCOUNT = "bench";
    static final String TENANT = "bench-tenant";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    StreamServer(Path jar, String heap, List<String> jvmOptions, PaperCredentials sim, String jwksUrl, Path log) throws IOException {
        port = freePort();
        String p = "-Dbrokergate.stream.owned-accounts." + ACCOUNT + ".";
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap, "-Xms" + heap));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-Dquarkus.http.port=" + port, "-Dquarkus.log.console.json.enabled=false",
                "-Dbrokergate.security.issuer=" + BenchAuth.ISSUER, "-Dbrokergate.security.jwks-url=" + jwksUrl,
                p + "tenant=" + TENANT, p + "broker=paper", p + "account-no=" + TickSource.ACCOUNT_NO, p + "currency=USD",
                p + "app-key=" + sim.appKey(), p + "app-secret=" + sim.appSecret(), p + "access-token=" + sim.accessToken(),
                p + "http-url=" + sim.httpUrl(), p + "quote-ws-url=" + sim.quoteWsUrl(), p + "trade-ws-url=" + sim.tradeWsUrl(),
                "-jar", jar.toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the server is ready and the account's broker socket is connected. */
    void awaitConnected(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("stream-service exited with " + process.exitValue());
            }
            try {
                String ready = get("/q/health/ready");
                if (ready.matches("(?s).*\"paper:" + TickSource.ACCOUNT_NO + "\"\\s*:\\s*\"connected\".*")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("stream-service not connected within " + timeout);
    }

    /** Heap in use after a full collection, in bytes. */
    long heapAfterGc() throws Exception {
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder(jcmd(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor(60, TimeUnit.SECONDS);
        }
        Thread.sleep(500);
        double heap = 0;
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) heap;
    }

    /** CPU time the server process has used (user + system), in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks / 100.0; // USER_HZ
    }

    /** Resident set size of the server process, in bytes. */
    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** A Prometheus counter or gauge summed over its series (0 when absent). */
    double metric(String name) throws Exception {
        double sum = 0;
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String jcmd() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
    }
}

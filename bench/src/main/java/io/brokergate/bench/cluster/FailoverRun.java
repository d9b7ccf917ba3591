package io.brokergate.bench.cluster;

import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.bench.stream.BenchAuth;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.sim.server.PaperCredentials;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Account failover time in cluster mode: a Kafka broker (child JVM), the paper exchange with
 * {@code --accounts} accounts and a ticking price (this JVM), and two packaged stream-service pods
 * in cluster mode that share the accounts through {@code account-shards}. A WebSocket client on pod
 * B holds a quote subscription through every account. Each round stops pod A — SIGKILL (a crash) or
 * SIGTERM (a rolling update) — and measures for every account A held: stop → the new owner's quote
 * socket at the exchange (sim counters polled every millisecond) → the first push at the client of a
 * tick sent after the old socket was gone. Then A is restarted and the round repeats once both pods
 * own accounts again.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.brokergate.bench.cluster.FailoverRun \
 *     [--accounts 8] [--runs 5] [--session-timeouts 10,3] [--graceful-runs 3] [--tick-ms 10] \
 *     [--jar stream-service/target/quarkus-app/quarkus-run.jar] [--heap 384m] [--pod-properties key=value,…]
 * </pre>
 */
public final class FailoverRun {

    private static final Path DIR = Path.of("bench/target/failover");
    private static final Duration SETTLE = Duration.ofSeconds(180);
    /** A push not seen this long after the new socket opened is reported as missing. */
    private static final Duration NO_PUSH_AFTER = Duration.ofSeconds(20);

    private FailoverRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args, Map.of("--accounts", "8", "--runs", "5", "--session-timeouts", "10,3",
                "--graceful-runs", "3", "--tick-ms", "10", "--jar", "stream-service/target/quarkus-app/quarkus-run.jar", "--heap", "384m", "--pod-properties", ""));
        Vertx vertx = Vertx.vertx();
        List<String> rows = new ArrayList<>();
        try (KafkaTestBroker kafka = KafkaTestBroker.childProcess(DIR.resolve("kafka-" + System.currentTimeMillis()));
             PaperMarket market = new PaperMarket(Integer.parseInt(o.get("--accounts")));
             BenchAuth auth = new BenchAuth()) {
            market.startTicking(Long.parseLong(o.get("--tick-ms")));
            StreamPod.Settings settings = new StreamPod.Settings(Path.of(o.get("--jar")), o.get("--heap"), auth.jwksUrl(),
                    market.accounts(), DIR, StreamPod.Settings.podProperties(o.get("--pod-properties")));
            List<Integer> timeouts = ServiceProcess.ints(o.get("--session-timeouts"));
            for (int t = 0; t < timeouts.size(); t++) {
                Duration timeout = Duration.ofSeconds(timeouts.get(t));
                int graceful = t == 0 ? Integer.parseInt(o.get("--graceful-runs")) : 0;
                try (Pair pods = new Pair(vertx, kafka.bootstrapServers(), timeout, settings, market, auth)) {
                    rows.add(pods.rounds("SIGKILL", Integer.parseInt(o.get("--runs")), true));
                    if (graceful > 0) {
                        rows.add(pods.rounds("SIGTERM", graceful, false));
                    }
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        System.out.println();
        System.out.println("| stop | session timeout | accounts moved (rounds) | stop → new quote socket: min / median / max"
                + " | stop → first push at the client: min / median / max |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Pod B (never stopped, the client's pod) and pod A (stopped and restarted every round) for one session timeout. */
    private static final class Pair implements AutoCloseable {

        private final String kafka;
        private final Duration timeout;
        private final StreamPod.Settings settings;
        private final PaperMarket market;
        private final QuoteArrivals arrivals;
        private final StreamPod b;
        private final Map<String, String> idByNo = new TreeMap<>();
        private final PodClient client;
        private StreamPod a;

        Pair(Vertx vertx, String kafka, Duration timeout, StreamPod.Settings settings, PaperMarket market, BenchAuth auth) throws Exception {
            this.kafka = kafka;
            this.timeout = timeout;
            this.settings = settings;
            this.market = market;
            for (PaperCredentials c : market.accounts()) {
                idByNo.put(c.accountNo(), StreamPod.accountId(c.accountNo()));
            }
            arrivals = new QuoteArrivals(market);
            b = StreamPod.cluster("pod-b", kafka, timeout, settings);
            b.awaitReady(Duration.ofSeconds(120));
            while (b.connectedAccounts().size() < idByNo.size()) { // alone in the group, B opens every account
                Thread.sleep(100);
            }
            client = new PodClient(vertx, b.port(), auth.token(StreamPod.TENANT), arrivals);
            for (String id : idByNo.values()) {
                client.subscribeQuotes(id, PaperMarket.SYMBOL.toString());
            }
            startA();
        }

        private void startA() throws Exception {
            a = StreamPod.cluster("pod-a", kafka, timeout, settings);
            a.awaitReady(Duration.ofSeconds(120));
            awaitBalanced();
        }

        /** Until both pods hold sockets, each account has exactly one at the exchange and its pushes reach the client. */
        private void awaitBalanced() throws InterruptedException {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            int polls = 0;
            while (System.nanoTime() < deadline) {
                Set<String> onA = a.connectedAccounts();
                Set<String> onB = b.connectedAccounts();
                boolean one = idByNo.keySet().stream().allMatch(no -> market.stats(no).liveQuoteSockets() == 1
                        && (onA.contains(no) ^ onB.contains(no)));
                if (!onA.isEmpty() && !onB.isEmpty() && one && arrivals.flowing(onB.stream().map(idByNo::get).toList(), 500_000_000L)) {
                    System.out.printf("balanced: pod-a %s, pod-b %s%n", onA, onB);
                    return;
                }
                if (++polls % 40 == 0) {
                    System.out.printf("settling: pod-a %s, pod-b %s, quote sockets/symbols %s, no pushes from %s%n", onA, onB,
                            idByNo.keySet().stream().map(no -> market.stats(no).liveQuoteSockets() + "/" + market.stats(no).subscribedSymbols()).toList(),
                            arrivals.silent(idByNo.values(), 500_000_000L));
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("pods did not settle within " + SETTLE + " (logs in " + DIR + ")");
        }

        String rounds(String signal, int n, boolean kill) throws Exception {
            List<Double> toSocket = new ArrayList<>();
            List<Double> toPush = new ArrayList<>();
            for (int r = 1; r <= n; r++) {
                Set<String> moving = a.connectedAccounts();
                Map<String, long[]> times = stopA(moving, kill);
                for (String no : moving) {
                    long[] t = times.get(no);
                    toSocket.add(t[0] / 1e6);
                    if (t[1] >= 0) {
                        toPush.add(t[1] / 1e6);
                    }
                    System.out.printf(Locale.ROOT, "%s %ds round %d %s: socket +%.0f ms, first push %s%n", signal,
                            timeout.toSeconds(), r, no, t[0] / 1e6, t[1] < 0 ? "none within " + NO_PUSH_AFTER : "+" + t[1] / 1_000_000 + " ms");
                }
                startA();
            }
            return String.format(Locale.ROOT, "| %s | %d s | %d (%d) | %s | %s (%d of %d) |", signal, timeout.toSeconds(), toSocket.size(), n,
                    summary(toSocket), summary(toPush), toPush.size(), toSocket.size());
        }

        /** Stops A, returns per account [stop → new socket, stop → first push] in ns. */
        private Map<String, long[]> stopA(Set<String> moving, boolean kill) throws Exception {
            arrivals.startRecording();
            Map<String, Long> closedAt = new HashMap<>();
            Map<String, Long> openedAt = new HashMap<>();
            long t0 = System.nanoTime();
            StreamPod stopping = a;
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> stop(stopping, kill));
            long deadline = t0 + timeout.toNanos() + Duration.ofSeconds(60).toNanos();
            Map<String, long[]> out = new HashMap<>();
            while (out.size() < moving.size() && System.nanoTime() < deadline) {
                for (String no : moving) {
                    int live = market.stats(no).liveQuoteSockets();
                    long now = System.nanoTime();
                    if (live == 0) {
                        closedAt.putIfAbsent(no, now);
                    } else if (closedAt.containsKey(no)) {
                        openedAt.putIfAbsent(no, now);
                    }
                    Long opened = openedAt.get(no);
                    if (opened != null && !out.containsKey(no)) {
                        OptionalLong push = arrivals.firstPushOfTickAfter(idByNo.get(no), closedAt.get(no));
                        if (push.isPresent()) {
                            out.put(no, new long[] {opened - t0, push.getAsLong() - t0});
                        } else if (now - opened > NO_PUSH_AFTER.toNanos()) {
                            out.put(no, new long[] {opened - t0, -1});
                        }
                    }
                }
                Thread.sleep(1);
            }
            arrivals.stopRecording();
            stopped.join();
            if (out.size() < moving.size()) {
                throw new IllegalStateException("not every account of pod-a moved: " + out.keySet() + " of " + moving);
            }
            return out;
        }

        private static void stop(StreamPod pod, boolean kill) {
            try {
                if (kill) {
                    pod.kill();
                } else {
                    pod.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            client.close();
            a.close();
            b.close();
        }
    }

    private static String summary(List<Double> millis) {
        List<Double> s = millis.stream().sorted().toList();
        if (s.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", s.get(0), s.get(s.size() / 2), s.get(s.size() - 1));
    }
}

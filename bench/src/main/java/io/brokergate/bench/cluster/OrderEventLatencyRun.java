package io.brokergate.bench.cluster;

import io.brokergate.bench.measure.LatencyHistogram;
import io.brokergate.bench.stream.BenchAuth;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.sim.server.PaperCredentials;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The order-event latency Kafka adds: orders placed directly at the paper exchange (in this JVM,
 * {@code SimExchange.placeOrder}, so no gateway rate limit applies) at a fixed rate, timed from the
 * placement call to the moment a WebSocket client subscribed to the account's {@code orders} stream
 * has read the order's first event. (a) one stream-service pod in its default mode (in-JVM channels,
 * all-in-one's wiring); (b) two pods in cluster mode: the owner publishes to Kafka's
 * {@code order-events}; one client on the owner pod, one on the other pod.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.brokergate.bench.cluster.OrderEventLatencyRun \
 *     [--rate 20] [--seconds 15] [--warmup 5] [--jar stream-service/target/quarkus-app/quarkus-run.jar] [--heap 384m] \
 *     [--pod-properties key=value,…]
 * </pre>
 */
public final class OrderEventLatencyRun {

    private static final Path DIR = Path.of("bench/target/order-event-latency");

    private OrderEventLatencyRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args, Map.of("--rate", "20", "--seconds", "15", "--warmup", "5",
                "--jar", "stream-service/target/quarkus-app/quarkus-run.jar", "--heap", "384m", "--pod-properties", ""));
        int rate = Integer.parseInt(o.get("--rate"));
        double seconds = Double.parseDouble(o.get("--seconds"));
        double warmup = Double.parseDouble(o.get("--warmup"));
        Vertx vertx = Vertx.vertx();
        List<String> rows = new ArrayList<>();
        try (KafkaTestBroker kafka = KafkaTestBroker.childProcess(DIR.resolve("kafka-" + System.currentTimeMillis()));
             PaperMarket market = new PaperMarket(1);
             BenchAuth auth = new BenchAuth()) {
            PaperCredentials account = market.accounts().get(0);
            String id = StreamPod.accountId(account.accountNo());
            String token = auth.token(StreamPod.TENANT);
            StreamPod.Settings settings = new StreamPod.Settings(Path.of(o.get("--jar")), o.get("--heap"), auth.jwksUrl(),
                    market.accounts(), DIR, StreamPod.Settings.podProperties(o.get("--pod-properties")));
            Placements placements = new Placements(market, account.accountNo());

            try (StreamPod solo = StreamPod.inJvm("in-jvm", settings)) {
                awaitOwner(List.of(solo), account.accountNo());
                Receipts r = new Receipts();
                try (PodClient c = new PodClient(vertx, solo.port(), token, r)) {
                    c.subscribeOrders(id);
                    placements.run(rate, warmup);
                    placements.reset();
                    r.reset();
                    placements.run(rate, seconds);
                    Thread.sleep(2000);
                    report(rows, row("in-JVM channels (all-in-one wiring), client on the owner", rate, placements, r));
                }
            }
            try (StreamPod a = StreamPod.cluster("pod-a", kafka.bootstrapServers(), Duration.ofSeconds(10), settings);
                 StreamPod b = StreamPod.cluster("pod-b", kafka.bootstrapServers(), Duration.ofSeconds(10), settings)) {
                StreamPod owner = awaitOwner(List.of(a, b), account.accountNo());
                StreamPod other = owner == a ? b : a;
                Receipts onOwner = new Receipts();
                Receipts onOther = new Receipts();
                try (PodClient c1 = new PodClient(vertx, owner.port(), token, onOwner);
                     PodClient c2 = new PodClient(vertx, other.port(), token, onOther)) {
                    c1.subscribeOrders(id);
                    c2.subscribeOrders(id);
                    placements.run(rate, warmup);
                    placements.reset();
                    onOwner.reset();
                    onOther.reset();
                    placements.run(rate, seconds);
                    Thread.sleep(2000);
                    report(rows, row("Kafka `order-events`, client on the owner pod", rate, placements, onOwner));
                    report(rows, row("Kafka `order-events`, client on the other pod", rate, placements, onOther));
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        System.out.println();
        System.out.println("| path | orders/s | orders | events received | p50 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Prints a row as soon as it is measured (a later phase may fail) and keeps it for the table. */
    private static void report(List<String> rows, String row) {
        System.out.println(row);
        rows.add(row);
    }

    private static StreamPod awaitOwner(List<StreamPod> pods, String accountNo) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            for (StreamPod p : pods) {
                if (p.connectedAccounts().contains(accountNo)) {
                    return p;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no pod opened " + accountNo + " (logs in " + DIR + ")");
    }

    private static String row(String path, int rate, Placements placements, Receipts receipts) {
        LatencyHistogram h = new LatencyHistogram();
        int matched = 0;
        for (Map.Entry<String, Long> e : placements.placed.entrySet()) {
            Long received = receipts.first.get(e.getKey());
            if (received != null) {
                h.record(received - e.getValue());
                matched++;
            }
        }
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f ms | %.2f ms | %.2f ms |", path, rate, placements.placed.size(),
                matched, h.percentileMillis(50), h.percentileMillis(99), h.maxMillis());
    }

    /** Limit buys far below the market (they rest: one event each), placed at the exchange at a fixed rate. */
    private static final class Placements {

        private final PaperMarket market;
        private final String accountNo;
        private final Map<String, Long> placed = new ConcurrentHashMap<>();
        private int next;

        Placements(PaperMarket market, String accountNo) {
            this.market = market;
            this.accountNo = accountNo;
        }

        void reset() {
            placed.clear();
        }

        void run(int perSecond, double seconds) {
            long interval = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            for (long k = 0; k < (long) (perSecond * seconds); k++) {
                LockSupport.parkNanos(start + k * interval - System.nanoTime());
                OrderRequest order = new OrderRequest(accountNo, "lat-" + next++, PaperMarket.SYMBOL, Side.BUY, OrderType.LIMIT,
                        BigDecimal.ONE, new BigDecimal("90.00"), null, null, null, TimeInForce.DAY, null, false);
                long at = System.nanoTime();
                market.exchange().placeOrder(order).thenAccept(detail -> placed.put(detail.order().orderId(), at));
            }
        }
    }

    /** When a client first read an event of each order. */
    private static final class Receipts implements PodClient.Listener {

        private final Map<String, Long> first = new ConcurrentHashMap<>();

        void reset() {
            first.clear();
        }

        @Override
        public void event(String account, String stream, JsonObject payload, long receivedNanos) {
            if ("orders".equals(stream) && payload != null && payload.getString("orderId") != null) {
                first.putIfAbsent(payload.getString("orderId"), receivedNanos);
            }
        }
    }
}

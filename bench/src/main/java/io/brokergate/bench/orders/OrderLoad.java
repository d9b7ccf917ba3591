package io.brokergate.bench.orders;

import io.brokergate.bench.measure.LatencyHistogram;
import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.bench.quotes.GatewayClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for the order path (ARCHITECTURE.md §8: place → acknowledgement p50 < 1 ms, p99 <
 * 5 ms at 1,000 orders/s): the packaged all-in-one in its own JVM, orders placed through the native
 * API ({@code POST /v1/accounts/{id}/orders}) by this process, every order then counted at the
 * paper exchange. Open loop at fixed rates (latency from each order's slot in the schedule, so
 * coordinated omission is not hidden), then closed loop with growing numbers of clients to find
 * the rate the gateway sustains with p99 under budget. Prints Markdown rows for bench/README.md.
 *
 * <p>LongPort allows 30 trade calls per 30 s per account; the paper exchange's limit is relaxed
 * for this test ({@code --paper-trade-calls} per second, no spacing), in the gateway's governor and
 * in the exchange alike.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.brokergate.bench.orders.OrderLoad \
 *     [--jar all-in-one/target/quarkus-app/quarkus-run.jar] [--rates 100,500,1000] [--clients 1,2,4,8,16] \
 *     [--seconds 20] [--warmup 20] [--heap 512m] [--paper-trade-calls 100000] \
 *     [--server-opts "-XX:StartFlightRecording=filename=bench/target/orders.jfr,settings=profile"]
 * </pre>
 */
public final class OrderLoad {

    static final double P99_BUDGET_MILLIS = 5.0;

    private OrderLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        Path dataDir = Path.of("bench/target/order-load-data-" + runId);
        Gateway.TradeLimit limit = new Gateway.TradeLimit(o.paperTradeCalls, Duration.ofSeconds(1), Duration.ZERO);
        ScheduledExecutorService prices = Executors.newSingleThreadScheduledExecutor();
        try (Gateway gateway = new Gateway(o.jar, o.heap, o.serverOptions, limit, dataDir, Path.of("bench/target/order-load-server.log"))) {
            gateway.awaitReady(Duration.ofSeconds(120));
            GatewayClient client = gateway.login();
            String accountId = Gateway.paperAccountId(client);
            String accountNo = gateway.brokerAccountNo();
            OrderFlow flow = new OrderFlow(gateway.admin());
            prices.scheduleWithFixedDelay(flow::refreshPrices, 1, 1, TimeUnit.SECONDS);
            try (OrderSender sender = new OrderSender(gateway.port(), accountId)) {
                Runs runs = new Runs(gateway, sender, flow, accountId, accountNo, runId);
                System.out.printf("all-in-one pid %d on :%d, heap %s, paper limit relaxed to %s; account %s (exchange %s)%n",
                        gateway.pid(), gateway.port(), o.heap, limit, accountId, accountNo);
                runs.openLoop("warm-up", o.warmupRate, o.warmup, false);
                System.out.println();
                System.out.println(Runs.HEADER);
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
                for (int rate : o.rates) {
                    runs.openLoop("open loop", rate, o.seconds, true);
                }
                for (int clients : o.clients) {
                    runs.closedLoop(clients, o.seconds);
                }
                runs.printSustained();
            }
        } finally {
            prices.shutdownNow();
        }
    }

    /** The runs of one gateway process, printed as they finish. */
    private static final class Runs {

        static final String HEADER = "| run | offered | placed/s | acked | p50 | p90 | p99 | p99.9 | max | other answers"
                + " | at the exchange | server + exchange cores / client cores |";

        private final Gateway gateway;
        private final OrderSender sender;
        private final OrderFlow flow;
        private final String accountId;
        private final String accountNo;
        private final String runId;
        private String token;
        private final HttpClient http = HttpClient.newHttpClient();
        private int runs;
        private double sustained;
        private String sustainedBy = "none";

        Runs(Gateway gateway, OrderSender sender, OrderFlow flow, String accountId, String accountNo, String runId) {
            this.gateway = gateway;
            this.accountId = accountId;
            this.sender = sender;
            this.flow = flow;
            this.accountNo = accountNo;
            this.runId = runId;
        }

        void openLoop(String label, int rate, double seconds, boolean print) throws Exception {
            Placements run = prepare((int) (rate * seconds));
            Sample sample = Sample.start(gateway);
            sender.openLoop(run, flow, rate, seconds);
            report(label, rate + "/s", run, sample.stop(gateway), print);
        }

        void closedLoop(int clients, double seconds) throws Exception {
            Placements run = prepare((int) (seconds * 20_000));
            Sample sample = Sample.start(gateway);
            sender.closedLoop(run, flow, clients, seconds);
            Sample done = sample.stop(gateway);
            String who = clients + (clients == 1 ? " client" : " clients");
            double placed = report("closed loop", who, run, done, true);
            if (run.latency().percentileMillis(99) < P99_BUDGET_MILLIS && placed > sustained) {
                sustained = placed;
                sustainedBy = who;
            }
        }

        /** A fresh account (open orders cancelled, ample cash), a settled gateway, a fresh token. */
        private Placements prepare(int capacity) throws Exception {
            gateway.admin().post("/admin/accounts/" + accountNo + "/reset", OrderFlow.ampleFunding());
            awaitQuiet();
            token = gateway.login().token();
            sender.token(token);
            return new Placements("b" + runId + "-" + (++runs) + "-", capacity);
        }

        /** The cancellations of a reset reach the gateway as order events; wait until it has digested them. */
        private void awaitQuiet() throws Exception {
            Thread.sleep(1000);
            for (int i = 0; i < 60; i++) {
                double before = gateway.cpuSeconds();
                Thread.sleep(1000);
                if (gateway.cpuSeconds() - before < 0.15) {
                    return;
                }
            }
        }

        private double report(String label, String offered, Placements run, Sample sample, boolean print) throws Exception {
            settleUnknownOutcomes(run);
            ExchangeCheck check = ExchangeCheck.of(run, gateway.admin(), accountNo);
            double placed = run.count(201) / sample.seconds();
            LatencyHistogram l = run.latency();
            String row = String.format(Locale.ROOT, "| %s | %s | %,.0f | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %s | %s | %.2f / %.2f |",
                    label, offered, placed, run.count(201), l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99),
                    l.percentileMillis(99.9), l.maxMillis(), run.others().isEmpty() ? "none" : run.others(), check.summary(),
                    sample.serverCores(), sample.clientCores());
            if (print) {
                System.out.println(row);
            } else {
                System.out.println(label + ": " + row);
            }
            if (run.firstFailure() != null) {
                System.out.println("  first other answer: " + run.firstFailure());
            }
            return placed;
        }

        /** A 202 (the broker did not confirm in time) is settled the way a client must: the same request again. */
        private void settleUnknownOutcomes(Placements run) throws Exception {
            for (int seq = 0; seq < run.capacity(); seq++) {
                Placements.Outcome o = run.outcome(seq);
                if (o != null && o.status() == 202) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/accounts/"
                                    + accountId + "/orders")).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(o.request()))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    run.settled(seq, r.statusCode(), OrderSender.orderId(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        }

        void printSustained() {
            System.out.printf(Locale.ROOT, "%nsustained with p99 < %.0f ms (closed loop): %,.0f orders/s (%s)%n", P99_BUDGET_MILLIS,
                    sustained, sustainedBy);
        }
    }

    /** CPU used by the gateway process and by this one over a run. */
    private record Sample(long startNanos, double server0, double client0, double seconds, double serverCores, double clientCores) {
        static Sample start(Gateway g) throws Exception {
            return new Sample(System.nanoTime(), g.cpuSeconds(), ServiceProcess.ownCpuSeconds(), 0, 0, 0);
        }

        Sample stop(Gateway g) throws Exception {
            double s = (System.nanoTime() - startNanos) / 1e9;
            return new Sample(startNanos, server0, client0, s, (g.cpuSeconds() - server0) / s,
                    (ServiceProcess.ownCpuSeconds() - client0) / s);
        }
    }

    /** Command-line options. */
    private static final class Options {
        Path jar = Path.of("all-in-one/target/quarkus-app/quarkus-run.jar");
        List<Integer> rates = List.of(100, 500, 1000);
        List<Integer> clients = List.of(1, 2, 4, 8, 16);
        double seconds = 20;
        double warmup = 20;
        int warmupRate = 500;
        String heap = "512m";
        int paperTradeCalls = 100_000;
        List<String> serverOptions = List.of();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--jar" -> o.jar = Path.of(v);
                    case "--rates" -> o.rates = ServiceProcess.ints(v);
                    case "--clients" -> o.clients = ServiceProcess.ints(v);
                    case "--seconds" -> o.seconds = Double.parseDouble(v);
                    case "--warmup" -> o.warmup = Double.parseDouble(v);
                    case "--warmup-rate" -> o.warmupRate = Integer.parseInt(v);
                    case "--heap" -> o.heap = v;
                    case "--paper-trade-calls" -> o.paperTradeCalls = Integer.parseInt(v);
                    case "--server-opts" -> o.serverOptions = List.of(v.trim().split("\\s+"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}

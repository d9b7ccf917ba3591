package io.brokergate.bench.orders;

import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.bench.quotes.GatewayClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        try (Gateway gateway = new Gateway(o.jar, o.heap, o.serverOptions, limit, dataDir, Path.of("bench/target/order-load-server.log"));
             AutoCloseable stopPrices = prices::shutdownNow) {
            gateway.awaitReady(Duration.ofSeconds(120));
            GatewayClient client = gateway.login();
            String accountId = Gateway.paperAccountId(client);
            String accountNo = gateway.brokerAccountNo();
            OrderFlow flow = new OrderFlow(gateway.admin());
            prices.scheduleWithFixedDelay(flow::refreshPricesQuietly, 1, 1, TimeUnit.SECONDS);
            try (OrderSender sender = new OrderSender(gateway.port(), accountId)) {
                OrderRuns runs = new OrderRuns(gateway, sender, flow, accountId, accountNo, runId);
                System.out.printf("all-in-one pid %d on :%d, heap %s, paper limit relaxed to %s; account %s (exchange %s)%n",
                        gateway.pid(), gateway.port(), o.heap, limit, accountId, accountNo);
                runs.openLoop("warm-up", o.warmupRate, o.warmup, false);
                System.out.println();
                System.out.println(OrderRuns.HEADER);
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
                for (int rate : o.rates) {
                    runs.openLoop("open loop", rate, o.seconds, true);
                }
                for (int clients : o.clients) {
                    runs.closedLoop(clients, o.seconds);
                }
                runs.printSustained();
            }
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

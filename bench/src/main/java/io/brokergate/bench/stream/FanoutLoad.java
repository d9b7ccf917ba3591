package io.brokergate.bench.stream;

import io.brokergate.bench.measure.LatencyHistogram;
import io.brokergate.bench.process.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Load generator for stream-service's fan-out (ARCHITECTURE.md §8): one upstream tick stream (the
 * paper exchange in this process, one symbol moved at a fixed rate) through the packaged
 * stream-service (its own JVM) to {@code --ws} WebSocket and {@code --sse} SSE clients in this
 * process. Reports delivered messages per second, tick-to-client latency (from the moment the tick
 * is handed to the exchange to the moment a client has read the message) and heap / RSS per idle
 * client. Prints Markdown rows for bench/README.md.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.brokergate.bench.stream.FanoutLoad \
 *     [--jar stream-service/target/quarkus-app/quarkus-run.jar] [--ws 1000] [--sse 1000] \
 *     [--rates 10,100,500,1000] [--mixed-rates 50,100] [--seconds 10] [--warmup 3] [--heap 512m] [--client-threads 2]
 *     [--server-opts "-XX:StartFlightRecording=filename=bench/target/stream.jfr"]
 * </pre>
 */
public final class FanoutLoad {

    private FanoutLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path log = Path.of("bench/target/fanout-load-server.log");
        Files.createDirectories(log.getParent());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.clientThreads));
        try (TickSource ticks = new TickSource(); BenchAuth auth = new BenchAuth();
             StreamServer server = new StreamServer(o.jar, o.heap, o.serverOptions, ticks.credentials(), auth.jwksUrl(), log)) {
            server.awaitConnected(Duration.ofSeconds(60));
            String token = auth.token(StreamServer.TENANT);
            Deliveries ws = new Deliveries(ticks);
            Deliveries sse = new Deliveries(ticks);
            System.out.printf("stream-service pid %d on :%d, %d client event loops, heap %s%n", server.pid(), server.port(),
                    o.clientThreads, o.heap);

            long heap0 = server.heapAfterGc();
            long rss0 = server.rss();
            try (WebSocketClients wsClients = new WebSocketClients(vertx); SseClients sseClients = new SseClients(vertx)) {
                wsClients.open(o.ws, server.port(), token, StreamServer.ACCOUNT, ws);
                long heap1 = server.heapAfterGc();
                long rss1 = server.rss();
                sseClients.open(o.sse, server.port(), token, StreamServer.ACCOUNT, sse);
                long heap2 = server.heapAfterGc();
                long rss2 = server.rss();
                System.out.println();
                System.out.println("| idle clients | heap after GC | per client | RSS | per client |");
                System.out.println("|---|---|---|---|---|");
                System.out.printf(Locale.ROOT, "| none | %.1f MB | | %.1f MB | |%n", heap0 / 1e6, rss0 / 1e6);
                System.out.printf(Locale.ROOT, "| + %d WebSocket | %.1f MB | **%.1f KB** | %.1f MB | %.1f KB |%n", o.ws, heap1 / 1e6,
                        (heap1 - heap0) / 1e3 / Math.max(1, o.ws), rss1 / 1e6, (rss1 - rss0) / 1e3 / Math.max(1, o.ws));
                System.out.printf(Locale.ROOT, "| + %d SSE | %.1f MB | **%.1f KB** | %.1f MB | %.1f KB |%n", o.sse, heap2 / 1e6,
                        (heap2 - heap1) / 1e3 / Math.max(1, o.sse), rss2 / 1e6, (rss2 - rss1) / 1e3 / Math.max(1, o.sse));

                System.out.println();
                System.out.println("| clients | ticks/s | offered msgs/s | delivered msgs/s | conflated/s | p50 | p99 | p99.9 | max"
                        + " | server cores | clients+exchange cores |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
                // WebSocket only: SSE clients stay connected but take no part (they are unsubscribed by closing them).
                sseClients.close();
                Thread.sleep(2000);
                for (int rate : o.rates) {
                    run(o, ticks, server, rate, o.ws + " WS", o.ws, List.of(ws));
                }
            }
            try (WebSocketClients wsClients = new WebSocketClients(vertx); SseClients sseClients = new SseClients(vertx)) {
                Thread.sleep(2000);
                ws.reset();
                wsClients.open(o.ws, server.port(), token, StreamServer.ACCOUNT, ws);
                sseClients.open(o.sse, server.port(), token, StreamServer.ACCOUNT, sse);
                for (int rate : o.mixedRates) {
                    run(o, ticks, server, rate, o.ws + " WS + " + o.sse + " SSE", o.ws + o.sse, List.of(ws, sse));
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void run(Options o, TickSource ticks, StreamServer server, int rate, String label, int clients,
                            List<Deliveries> all) throws Exception {
        ticks.run(rate, o.warmup);
        all.forEach(Deliveries::reset);
        double conflated0 = server.metric("brokergate_stream_conflated_total");
        double serverCpu0 = server.cpuSeconds();
        double benchCpu0 = ServiceProcess.ownCpuSeconds();
        long start = System.nanoTime();
        long sent = ticks.run(rate, o.seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double serverCores = (server.cpuSeconds() - serverCpu0) / elapsed;
        double benchCores = (ServiceProcess.ownCpuSeconds() - benchCpu0) / elapsed;
        Thread.sleep(300); // the last ticks' messages are in flight
        double conflated = (server.metric("brokergate_stream_conflated_total") - conflated0) / elapsed;
        long delivered = all.stream().mapToLong(Deliveries::events).sum();
        for (Deliveries d : all) {
            LatencyHistogram l = d.latencies();
            String who = all.size() == 1 ? label : label + (d == all.get(0) ? " (WS)" : " (SSE)");
            System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | **%,.0f** | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %.2f | %.2f |%n",
                    who, rate, sent * (double) clients / elapsed, d.events() / elapsed,
                    d == all.get(0) ? conflated : 0.0, l.percentileMillis(50), l.percentileMillis(99), l.percentileMillis(99.9),
                    l.maxMillis(), serverCores, benchCores);
        }
        if (all.size() > 1) {
            System.out.printf(Locale.ROOT, "| %s total | %d | %,.0f | **%,.0f** | | | | | | %.2f | %.2f |%n", label, rate,
                    sent * (double) clients / elapsed, delivered / elapsed, serverCores, benchCores);
        }
    }


    /** Command-line options. */
    private static final class Options {
        Path jar = Path.of("stream-service/target/quarkus-app/quarkus-run.jar");
        int ws = 1000;
        int sse = 1000;
        List<Integer> rates = List.of(10, 100, 500, 1000);
        List<Integer> mixedRates = List.of(50, 100);
        double seconds = 10;
        double warmup = 3;
        String heap = "512m";
        int clientThreads = 2;
        List<String> serverOptions = List.of();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--jar" -> o.jar = Path.of(v);
                    case "--ws" -> o.ws = Integer.parseInt(v);
                    case "--sse" -> o.sse = Integer.parseInt(v);
                    case "--rates" -> o.rates = ServiceProcess.ints(v);
                    case "--mixed-rates" -> o.mixedRates = ServiceProcess.ints(v);
                    case "--seconds" -> o.seconds = Double.parseDouble(v);
                    case "--warmup" -> o.warmup = Double.parseDouble(v);
                    case "--heap" -> o.heap = v;
                    case "--client-threads" -> o.clientThreads = Integer.parseInt(v);
                    case "--server-opts" -> o.serverOptions = List.of(v.trim().split("\\s+"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}

package io.brokergate.bench.quotes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for cached quote requests against a running gateway ({@code ./brokergate}): N
 * closed-loop clients send {@code GET /v1/quotes?symbols=…} back to back for a while; the answers
 * come from quote-service's cache (one coalesced broker call per symbol set per second refreshes it).
 * Prints requests per second and latency percentiles.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.brokergate.bench.quotes.CachedQuoteLoad \
 *     [base-url] [password] [clients] [seconds] [symbols]</pre>
 */
public final class CachedQuoteLoad {

    private CachedQuoteLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = arg(args, 0, "http://localhost:8080");
        String password = arg(args, 1, System.getenv().getOrDefault("BROKERGATE_DEMO_PASSWORD", ""));
        int clients = Integer.parseInt(arg(args, 2, "32"));
        int seconds = Integer.parseInt(arg(args, 3, "30"));
        String symbols = arg(args, 4, "700.HK");
        GatewayClient gateway = new GatewayClient(base, "demo", password);
        String path = "/v1/quotes?symbols=" + symbols;
        HttpResponse<String> first = gateway.send(path);
        if (first.statusCode() != 200) {
            throw new IllegalStateException("warm-up answered " + first.statusCode() + ": " + first.body());
        }
        run(gateway, path, clients, Duration.ofSeconds(Math.min(5, seconds)), new Latencies()); // JIT warm-up
        Latencies latencies = new Latencies();
        long ok = run(gateway, path, clients, Duration.ofSeconds(seconds), latencies);
        System.out.printf("%s, %d clients, %d s: %d requests (%d ok), %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
                symbols, clients, seconds, latencies.count(), ok, latencies.count() / (double) seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(99.9));
    }

    /** Closed loop: each client sends its next request when the previous answer is in. Returns the 200 answers. */
    static long run(GatewayClient gateway, String path, int clients, Duration duration, Latencies latencies)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong ok = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            loops.add(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = gateway.http().send(gateway.get(path), HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - start);
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
            });
        }
        loops.forEach(pool::execute);
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return ok.get();
    }

    static String arg(String[] args, int i, String fallback) {
        return args.length > i && !args[i].isBlank() ? args[i] : fallback;
    }
}

package io.brokergate.bench.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * Time of one TradingView {@code /history} request for at least 10,000 one-minute bars against a
 * running gateway: first cold (every trading day fetched from the broker through the account's rate
 * limit), then warm (from quote-service's bar store), repeated. The paper exchange's past has 330
 * minute bars per Hong Kong trading day, so 10,000 bars span about 45 calendar days: start the
 * gateway with {@code BROKERGATE_QUOTE_HISTORY_MAX_INTRADAY_SPAN=62d} (the default allows 31 days).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.brokergate.bench.quotes.HistoryLoad [base-url] [password] [symbol] [days] [repeats]</pre>
 */
public final class HistoryLoad {

    private HistoryLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = CachedQuoteLoad.arg(args, 0, "http://localhost:8080");
        String password = CachedQuoteLoad.arg(args, 1, System.getenv().getOrDefault("BROKERGATE_DEMO_PASSWORD", ""));
        String symbol = CachedQuoteLoad.arg(args, 2, "700.HK");
        int days = Integer.parseInt(CachedQuoteLoad.arg(args, 3, "45"));
        int repeats = Integer.parseInt(CachedQuoteLoad.arg(args, 4, "20"));
        GatewayClient gateway = new GatewayClient(base, "demo", password);
        long to = Instant.now().getEpochSecond();
        String path = "/tv/history?symbol=" + symbol + "&resolution=1&from=" + (to - days * 86_400L) + "&to=" + to;
        long start = System.nanoTime();
        int bars = bars(gateway.send(path));
        System.out.printf("cold: %d bars in %.0f ms%n", bars, (System.nanoTime() - start) / 1e6);
        Latencies warm = new Latencies();
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            bars = bars(gateway.send(path));
            warm.add(System.nanoTime() - s);
        }
        System.out.printf("warm: %d bars, %d requests, p50 %.1f ms, max %.1f ms%n", bars, repeats,
                warm.percentileMillis(50), warm.percentileMillis(100));
    }

    private static int bars(HttpResponse<String> r) throws Exception {
        JsonNode body = GatewayClient.json(r.body());
        if (r.statusCode() != 200 || !"ok".equals(body.path("s").asText())) {
            throw new IllegalStateException("history answered " + r.statusCode() + ": " + r.body());
        }
        return body.path("t").size();
    }
}

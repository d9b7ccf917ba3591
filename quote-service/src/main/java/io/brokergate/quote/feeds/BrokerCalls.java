package io.brokergate.quote.feeds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the cache could not answer: broker calls by kind ({@code brokergate_quote_broker_calls_total})
 * and cache answers ({@code brokergate_quote_cache_total{result=hit|miss}}).
 */
@ApplicationScoped
public class BrokerCalls {

    private final MeterRegistry registry;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    public BrokerCalls(MeterRegistry registry) {
        this.registry = registry;
        this.hits = Counter.builder("brokergate.quote.cache").tag("result", "hit")
                .description("Per-instrument answers served from the cache").register(registry);
        this.misses = Counter.builder("brokergate.quote.cache").tag("result", "miss")
                .description("Per-instrument answers that needed a broker call").register(registry);
    }

    public void called(String kind) {
        calls.computeIfAbsent(kind, k -> Counter.builder("brokergate.quote.broker.calls").tag("call", k)
                .description("Market-data calls quote-service made to brokers").register(registry)).increment();
    }

    public void hits(int n) {
        if (n > 0) {
            hits.increment(n);
        }
    }

    public void misses(int n) {
        if (n > 0) {
            misses.increment(n);
        }
    }
}

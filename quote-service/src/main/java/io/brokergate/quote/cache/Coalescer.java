package io.brokergate.quote.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One call per key at a time: a request for a key whose call is in flight joins it instead of
 * starting another, so N concurrent identical requests cost the broker one call.
 */
public final class Coalescer<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * The in-flight call's result for {@code key}, or a new call. Whatever {@code call} chains before
     * completing (storing into a cache) happens before the key leaves the in-flight set, so a request
     * arriving just after finds the cache filled rather than starting a second call.
     */
    public CompletionStage<V> run(K key, Supplier<? extends CompletionStage<V>> call) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.minimalCompletionStage();
        }
        CompletionStage<V> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            inFlight.remove(key, mine);
            mine.completeExceptionally(e);
            return mine.minimalCompletionStage();
        }
        stage.whenComplete((value, error) -> {
            inFlight.remove(key, mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(value);
            }
        });
        return mine.minimalCompletionStage();
    }

    public int inFlight() {
        return inFlight.size();
    }
}

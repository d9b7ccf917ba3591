package io.brokergate.quote.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link Coalescer} for calls that take many keys at once (LongPort's quote and static-info calls
 * take 500 symbols): keys already in flight are joined, all the others go into one call. A key the
 * call does not answer completes empty (for instance, a symbol the broker does not know).
 */
public final class BatchCoalescer<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<Optional<V>>> inFlight = new ConcurrentHashMap<>();

    public CompletionStage<Map<K, Optional<V>>> get(Collection<K> keys, Function<List<K>, CompletionStage<Map<K, V>>> call) {
        Map<K, CompletableFuture<Optional<V>>> waiting = new LinkedHashMap<>();
        Map<K, CompletableFuture<Optional<V>>> mine = new LinkedHashMap<>();
        for (K key : keys) {
            CompletableFuture<Optional<V>> f = new CompletableFuture<>();
            CompletableFuture<Optional<V>> existing = inFlight.putIfAbsent(key, f);
            waiting.put(key, existing != null ? existing : f);
            if (existing == null) {
                mine.put(key, f);
            }
        }
        if (!mine.isEmpty()) {
            start(new ArrayList<>(mine.keySet()), mine, call);
        }
        return CompletableFuture.allOf(waiting.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<K, Optional<V>> out = new LinkedHashMap<>();
            waiting.forEach((k, f) -> out.put(k, f.join()));
            return out;
        });
    }

    private void start(List<K> keys, Map<K, CompletableFuture<Optional<V>>> mine,
                       Function<List<K>, CompletionStage<Map<K, V>>> call) {
        CompletionStage<Map<K, V>> stage;
        try {
            stage = call.apply(keys);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> mine.forEach((k, f) -> {
            inFlight.remove(k, f);
            if (error != null) {
                f.completeExceptionally(error);
            } else {
                f.complete(Optional.ofNullable(result.get(k)));
            }
        }));
    }

    public int inFlight() {
        return inFlight.size();
    }
}

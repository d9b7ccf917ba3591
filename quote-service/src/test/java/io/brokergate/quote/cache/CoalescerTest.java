package io.brokergate.quote.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void concurrentRequestsForOneKeyShareOneCallAndALaterRequestStartsANewOne() {
        Coalescer<String, Integer> coalescer = new Coalescer<>();
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Integer> broker = new CompletableFuture<>();
        List<CompletionStage<Integer>> waiting = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waiting.add(coalescer.run("700.HK", () -> {
                calls.incrementAndGet();
                return broker;
            }));
        }
        assertEquals(1, calls.get());
        assertEquals(1, coalescer.inFlight());
        broker.complete(42);
        waiting.forEach(w -> assertEquals(42, w.toCompletableFuture().join()));
        assertEquals(0, coalescer.inFlight());
        coalescer.run("700.HK", () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(43);
        });
        assertEquals(2, calls.get(), "a request after the answer asks again (the cache in front decides freshness)");
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotKept() {
        Coalescer<String, Integer> coalescer = new Coalescer<>();
        CompletableFuture<Integer> broker = new CompletableFuture<>();
        CompletionStage<Integer> a = coalescer.run("k", () -> broker);
        CompletionStage<Integer> b = coalescer.run("k", () -> CompletableFuture.completedFuture(1));
        broker.completeExceptionally(new IllegalStateException("down"));
        assertThrows(CompletionException.class, () -> a.toCompletableFuture().join());
        assertThrows(CompletionException.class, () -> b.toCompletableFuture().join());
        assertEquals(7, coalescer.run("k", () -> CompletableFuture.completedFuture(7)).toCompletableFuture().join());
        CompletionStage<Integer> thrown = coalescer.run("x", () -> {
            throw new IllegalArgumentException("bad");
        });
        assertThrows(CompletionException.class, () -> thrown.toCompletableFuture().join());
        assertEquals(0, coalescer.inFlight());
    }

    @Test
    void batchesJoinKeysInFlightAndAskOnlyForTheRest() {
        BatchCoalescer<String, String> batches = new BatchCoalescer<>();
        List<List<String>> asked = new ArrayList<>();
        CompletableFuture<Map<String, String>> first = new CompletableFuture<>();
        CompletionStage<Map<String, Optional<String>>> a = batches.get(List.of("A", "B"), keys -> {
            asked.add(keys);
            return first;
        });
        CompletionStage<Map<String, Optional<String>>> b = batches.get(List.of("B", "C", "D"), keys -> {
            asked.add(keys);
            return CompletableFuture.completedFuture(Map.of("C", "c"));
        });
        assertEquals(List.of(List.of("A", "B"), List.of("C", "D")), asked, "B joined the first call");
        first.complete(Map.of("A", "a", "B", "b"));
        assertEquals(Map.of("A", Optional.of("a"), "B", Optional.of("b")), a.toCompletableFuture().join());
        assertEquals(Map.of("B", Optional.of("b"), "C", Optional.of("c"), "D", Optional.empty()), b.toCompletableFuture().join(),
                "D was not answered: unknown");
        assertTrue(batches.inFlight() == 0);
    }
}

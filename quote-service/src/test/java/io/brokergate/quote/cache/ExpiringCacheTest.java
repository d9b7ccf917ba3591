package io.brokergate.quote.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    @Test
    void entriesAreFreshForTheirTimeToLiveOnly() {
        AtomicLong nanos = new AtomicLong();
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(1), 100, nanos::get);
        cache.put("a", 1);
        nanos.addAndGet(999_999_999);
        assertEquals(Optional.of(1), cache.fresh("a"));
        nanos.addAndGet(1);
        assertEquals(Optional.empty(), cache.fresh("a"));
        assertEquals(Optional.of(1), cache.any("a"), "still there for merging");
    }

    @Test
    void aResolverKeepsTheBetterValueAndRefreshesIt() {
        AtomicLong nanos = new AtomicLong();
        ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(1), 100, nanos::get);
        cache.put("a", 5);
        nanos.addAndGet(900_000_000);
        cache.put("a", 3, Math::max);
        nanos.addAndGet(900_000_000);
        assertEquals(Optional.of(5), cache.fresh("a"), "kept the larger, fresh again");
    }

    @Test
    void theBoundSweepsExpiredEntriesFirst() {
        AtomicLong nanos = new AtomicLong();
        ExpiringCache<Integer, Integer> cache = new ExpiringCache<>(Duration.ofSeconds(1), 16, nanos::get);
        for (int i = 0; i < 16; i++) {
            cache.put(i, i);
        }
        nanos.addAndGet(2_000_000_000L);
        cache.put(100, 100);
        assertEquals(1, cache.size());
        for (int i = 0; i < 40; i++) {
            cache.put(200 + i, i);
        }
        assertTrue(cache.size() <= 16);
        assertTrue(cache.size() >= 12, "drops to three quarters, not to nothing: " + cache.size());
    }
}

package io.brokergate.auth.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerificationCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final VerificationCache cache = new VerificationCache(Duration.ofSeconds(30), 3, nanos::get);

    @Test
    void resultsLiveForTheTtlOnly() {
        cache.put("d1", Optional.of(verified("k1")));
        cache.put("d2", Optional.empty());
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertNotNull(cache.get("d1"));
        assertTrue(cache.get("d2").result().isEmpty(), "negative results are cached too");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(cache.get("d1"));
        assertNull(cache.get("d2"));
    }

    @Test
    void aFullCacheStopsCachingInsteadOfGrowing() {
        for (int i = 0; i < 10; i++) {
            cache.put("d" + i, Optional.empty());
        }
        assertEquals(3, cache.size());
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        cache.put("fresh", Optional.empty());
        assertEquals(1, cache.size(), "expired entries make room");
    }

    @Test
    void evictingAKeyDropsItsValidResults() {
        cache.put("a", Optional.of(verified("k1")));
        cache.put("b", Optional.of(verified("k2")));
        cache.evictKey("k1");
        assertNull(cache.get("a"));
        assertNotNull(cache.get("b"));
    }

    private static VerifiedApiKey verified(String id) {
        return new VerifiedApiKey(new Caller(id, "t", Set.of("trade"), AccountGrant.ALL, CredentialKind.API_KEY, null,
                Instant.now().plusSeconds(3600)), "n", Instant.now());
    }
}

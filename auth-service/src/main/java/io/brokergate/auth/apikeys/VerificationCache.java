package io.brokergate.auth.apikeys;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Recent verification results, valid and invalid, keyed by the SHA-256 of the presented key (the
 * key itself is never held as a map key). Bounded: when full even after dropping expired entries,
 * new results are simply not cached, so a flood of made-up keys costs database reads but can
 * neither grow memory nor push out anything needed for correctness.
 */
final class VerificationCache {

    /** A cached result; an empty {@code result} means "not a valid key". */
    record Entry(Optional<VerifiedApiKey> result, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    VerificationCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The live entry for a digest, or null on a miss. */
    Entry get(String digest) {
        Entry e = entries.get(digest);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.expiresAtNanos() >= 0) {
            entries.remove(digest, e);
            return null;
        }
        return e;
    }

    void put(String digest, Optional<VerifiedApiKey> result) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            dropExpired();
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(digest, new Entry(result, nanoClock.getAsLong() + ttlNanos));
    }

    /** Forgets every valid result of a key, so a revocation takes effect here at once. */
    void evictKey(String keyId) {
        entries.values().removeIf(e -> e.result().map(v -> v.caller().subject().equals(keyId)).orElse(false));
    }

    int size() {
        return entries.size();
    }

    private void dropExpired() {
        long now = nanoClock.getAsLong();
        entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
    }
}

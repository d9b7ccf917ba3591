package io.brokergate.quote.cache;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Values that count as current for a fixed time after they were stored (monotonic clock). Lock-free
 * reads; when the map grows past its bound, expired entries are swept and, if that is not enough,
 * arbitrary ones are dropped (they are only a cache: a dropped entry costs one broker call).
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long storedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    public ExpiringCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    public ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = Math.max(16, maxEntries);
        this.nanoClock = nanoClock;
    }

    /** The value if it was stored less than the time-to-live ago. */
    public Optional<V> fresh(K key) {
        Entry<V> e = entries.get(key);
        if (e == null || nanoClock.getAsLong() - e.storedAt() >= ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** The value whatever its age (for merging newer partial data into it). */
    public Optional<V> any(K key) {
        Entry<V> e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public void put(K key, V value) {
        entries.put(key, new Entry<>(value, nanoClock.getAsLong()));
        bound();
    }

    /**
     * Stores {@code value}, or what {@code resolve(current, value)} makes of it when an entry exists
     * (e.g. keep the newer of two quotes); either way the entry counts as fresh from now.
     */
    public void put(K key, V value, BinaryOperator<V> resolve) {
        long now = nanoClock.getAsLong();
        entries.compute(key, (k, old) -> new Entry<>(old == null ? value : resolve.apply(old.value(), value), now));
        bound();
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public void removeIf(Predicate<K> which) {
        entries.keySet().removeIf(which);
    }

    public int size() {
        return entries.size();
    }

    /**
     * Past the bound: expired entries go first, then arbitrary ones down to three quarters of it, so
     * that a cache kept full by live data sweeps once per quarter of its size, not on every put.
     */
    private void bound() {
        if (entries.size() <= maxEntries) {
            return;
        }
        long now = nanoClock.getAsLong();
        entries.values().removeIf(e -> now - e.storedAt() >= ttlNanos);
        int target = maxEntries - maxEntries / 4;
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}

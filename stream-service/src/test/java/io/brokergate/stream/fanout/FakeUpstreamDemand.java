package io.brokergate.stream.fanout;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.subscriptions.UpstreamDemand;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only demand: counts acquires and releases per (account, instrument, kind), so a test can
 * see the net number of upstream subscriptions; symbol {@code CAP.US} fails like the broker's cap.
 * Enabled only by {@link FanoutTestProfile}, so other test classes keep the real seams.
 */
@Alternative
@ApplicationScoped
public class FakeUpstreamDemand implements UpstreamDemand {

    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
    private final AtomicInteger acquires = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();

    @Override
    public Uni<Void> acquire(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        if (instrument.ticker().equals("CAP")) {
            return Uni.createFrom().failure(GatewayException.invalid("the broker allows at most 500 subscribed symbols"));
        }
        acquires.incrementAndGet();
        held.computeIfAbsent(key(accountId, instrument, kind), k -> new AtomicInteger()).incrementAndGet();
        return Uni.createFrom().voidItem();
    }

    @Override
    public void release(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        releases.incrementAndGet();
        held.computeIfAbsent(key(accountId, instrument, kind), k -> new AtomicInteger()).decrementAndGet();
    }

    /** Client subscriptions currently held for the key (the real implementation turns them into one upstream). */
    public int held(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        AtomicInteger n = held.get(key(accountId, instrument, kind));
        return n == null ? 0 : n.get();
    }

    /** Upstream subscriptions a ref-counting implementation would hold: one per key with holders. */
    public long netUpstreamSubscriptions() {
        return held.values().stream().filter(n -> n.get() > 0).count();
    }

    public int acquires() {
        return acquires.get();
    }

    public int releases() {
        return releases.get();
    }

    private static String key(String account, InstrumentId instrument, SubscriptionKind kind) {
        return account + '|' + instrument.symbol() + '|' + kind;
    }
}

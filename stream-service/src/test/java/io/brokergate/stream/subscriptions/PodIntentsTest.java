package io.brokergate.stream.subscriptions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.subscriptions.SocketPlacement.Place;
import io.brokergate.stream.upstream.UpstreamSessionOpened;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two simulated pods on one {@code subscription-intents} channel: pod-1 owns the account (its
 * acquires wait for the owner's answer), pod-2 does not (its intent is all it sends). The owner's
 * session holds exactly the union; each pod's clients are counted once per key.
 */
class PodIntentsTest {

    private static final String ACCOUNT = "acc-1";
    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId APPLE = InstrumentId.parse("AAPL.US");
    private static final Duration LINGER = Duration.ofMillis(100);

    private static final Duration LEASE = Duration.ofMinutes(3);

    /** The cluster's clock, moved forward by the tests. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:30:00Z"));
    private final Clock clock = new MovableClock(now, ZoneOffset.UTC);
    private final Vertx vertx = Vertx.vertx();
    private final OwnerSubscriptions owner = new OwnerSubscriptions(LEASE, clock);
    private final FakePushSession push = new FakePushSession(2);
    private final List<SubscriptionIntent> channel = new CopyOnWriteArrayList<>();
    private final RefCountedUpstreamDemand pod1 = pod("pod-1", Place.LOCAL_OPEN);
    private final RefCountedUpstreamDemand pod2 = pod("pod-2", Place.REMOTE);

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    private RefCountedUpstreamDemand pod(String name, Place place) {
        return new RefCountedUpstreamDemand(account -> place, account -> Optional.of("tenant-a"), owner, intent -> {
            channel.add(intent);
            owner.onIntent(intent);
        }, vertx, LINGER, Duration.ofSeconds(5), name, Duration.ofSeconds(60), clock);
    }

    @Test
    void theOwnerSubscribesTheUnionAndEachPodCountsItsClientsOnce() {
        owner.onSessionOpened(new UpstreamSessionOpened(ACCOUNT, push.asSession()));
        for (int i = 0; i < 3; i++) {
            settle(pod1.acquire(ACCOUNT, TENCENT, SubscriptionKind.QUOTE));
        }
        settle(pod2.acquire(ACCOUNT, TENCENT, SubscriptionKind.QUOTE));
        settle(pod2.acquire(ACCOUNT, APPLE, SubscriptionKind.DEPTH));
        awaitSession(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE), APPLE, Set.of(SubscriptionKind.DEPTH)));
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), pod1.intent(ACCOUNT), "three clients, one entry");
        assertTrue(channel.stream().allMatch(i -> i.tenantId().equals("tenant-a") && i.key().equals(ACCOUNT + '|' + i.pod())));

        pod2.release(ACCOUNT, TENCENT, SubscriptionKind.QUOTE);
        pod2.release(ACCOUNT, APPLE, SubscriptionKind.DEPTH);
        // after the linger pod-2 withdraws with an empty map; pod-1 still holds the quote
        await().atMost(Duration.ofSeconds(5)).until(() -> channel.stream().anyMatch(i -> i.pod().equals("pod-2") && i.wanted().isEmpty()));
        awaitSession(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)));

        for (int i = 0; i < 3; i++) {
            pod1.release(ACCOUNT, TENCENT, SubscriptionKind.QUOTE);
        }
        awaitSession(Map.of());
        assertEquals(Map.of(), owner.wanted(ACCOUNT));
    }

    @Test
    void theOwningPodsAcquireFailsWithTheBrokersRefusalAndHoldsNothing() {
        owner.onSessionOpened(new UpstreamSessionOpened(ACCOUNT, push.asSession()));
        settle(pod2.acquire(ACCOUNT, TENCENT, SubscriptionKind.QUOTE));
        settle(pod2.acquire(ACCOUNT, APPLE, SubscriptionKind.QUOTE)); // the cap of 2 is full
        GatewayException e = assertThrows(GatewayException.class,
                () -> pod1.acquire(ACCOUNT, InstrumentId.parse("5.HK"), SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(5)));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
        await().atMost(Duration.ofSeconds(5)).until(() -> pod1.intent(ACCOUNT).isEmpty());

        pod2.release(ACCOUNT, APPLE, SubscriptionKind.QUOTE);
        awaitSession(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)));
        settle(pod1.acquire(ACCOUNT, InstrumentId.parse("5.HK"), SubscriptionKind.QUOTE)); // room made: the same acquire works
        awaitSession(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE), InstrumentId.parse("5.HK"), Set.of(SubscriptionKind.QUOTE)));
    }

    @Test
    void podsRestateWhatTheyHoldAndThePodThatStoppedIsForgottenAfterTheLease() {
        owner.onSessionOpened(new UpstreamSessionOpened(ACCOUNT, push.asSession()));
        settle(pod1.acquire(ACCOUNT, TENCENT, SubscriptionKind.QUOTE));
        settle(pod2.acquire(ACCOUNT, APPLE, SubscriptionKind.QUOTE));
        await().atMost(Duration.ofSeconds(5)).until(() -> push.subscriptions().size() == 2);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        pod1.restate(); // pod-2 has crashed: it restates nothing
        SubscriptionIntent restated = channel.get(channel.size() - 1);
        assertEquals("pod-1", restated.pod());
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), restated.wanted());
        assertEquals(now.get(), restated.at());
        assertEquals(List.of(), owner.forgetExpired(), "both are within the lease");

        now.set(now.get().plus(Duration.ofMinutes(2))); // pod-2 last stated 4 min ago, pod-1 2 min ago
        assertEquals(List.of(ACCOUNT + "|pod-2"), owner.forgetExpired());
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), push.subscriptions());
        int sent = channel.size();
        pod2.restate(); // a pod that was only partitioned away comes back: its next restatement is taken again
        assertEquals(sent + 1, channel.size());
        await().atMost(Duration.ofSeconds(5)).until(() -> push.subscriptions().size() == 2);
    }

    @Test
    void anIntentAlreadyPastItsLeaseWhenReadIsAGonePodsAndIsNotSubscribed() {
        owner.onSessionOpened(new UpstreamSessionOpened(ACCOUNT, push.asSession()));
        owner.onIntent(new SubscriptionIntent(SubscriptionIntent.VERSION, "tenant-a", ACCOUNT, "pod-gone",
                Map.of(APPLE, Set.of(SubscriptionKind.QUOTE)), now.get().minus(LEASE).minusSeconds(1)));
        assertEquals(Map.of(), push.subscriptions());
        assertEquals(Map.of(), owner.wanted(ACCOUNT));
    }

    @Test
    void noSocketAnywhereIsAClearErrorAndNoIntent() {
        RefCountedUpstreamDemand alone = pod("pod-3", Place.NONE);
        GatewayException e = assertThrows(GatewayException.class,
                () -> alone.acquire(ACCOUNT, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(5)));
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, e.code());
        assertTrue(channel.isEmpty());
    }

    private static void settle(io.smallrye.mutiny.Uni<Void> acquire) {
        acquire.await().atMost(Duration.ofSeconds(5));
    }

    private void awaitSession(Map<InstrumentId, Set<SubscriptionKind>> expected) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(expected, push.subscriptions()));
    }

    /** A clock that reads {@code now}, which the test moves. */
    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}

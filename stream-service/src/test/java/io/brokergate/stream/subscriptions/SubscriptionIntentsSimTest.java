package io.brokergate.stream.subscriptions;

import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.BROKER_NO_A;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.brokergate.stream.upstream.SimUpstreamProfile;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code subscription-intents} channel end to end on the in-JVM connector against the real
 * paper exchange: this pod's ref-counted intent plus a second, simulated pod's intent published on
 * the same topic; the owner subscribes exactly their union, and exactly this pod's set once the
 * other withdraws (all-in-one has one pod, so there it is exact), and without it once its intent
 * outlives the lease unrestated.
 */
@QuarkusTest
@TestProfile(SimUpstreamProfile.class)
class SubscriptionIntentsSimTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId ALIBABA = InstrumentId.parse("9988.HK");
    /** {@code brokergate.intents.lease}'s default. */
    private static final Duration LEASE = Duration.ofMinutes(3);

    @Inject
    RefCountedUpstreamDemand demand;
    @Inject
    IntentPublisher channel;
    @Inject
    OwnerSubscriptions owner;
    @Inject
    UpstreamSessions sessions;
    @Inject
    SimUpstreamAccounts upstream;

    private SimAdminClient admin;

    @BeforeEach
    void sessionsUp() {
        admin = new SimAdminClient(upstream.sim().httpUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.statuses().stream().filter(s -> s.isLive()).count() == 2);
    }

    @Test
    void theOwnerHoldsTheUnionOfThisPodAndASimulatedSecondPod() {
        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(10));
        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(10));
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), owner.applied(ACCOUNT_A), "exact: this pod's intent");

        channel.publish(new SubscriptionIntent(SubscriptionIntent.VERSION, "tenant-a", ACCOUNT_A, "pod-2",
                Map.of(ALIBABA, EnumSet.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH), TENCENT, Set.of(SubscriptionKind.QUOTE)), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribedSymbols() == 2);
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE), ALIBABA, EnumSet.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH)),
                owner.applied(ACCOUNT_A));
        assertEquals(owner.applied(ACCOUNT_A), session().subscriptions());

        channel.publish(new SubscriptionIntent(SubscriptionIntent.VERSION, "tenant-a", ACCOUNT_A, "pod-2", Map.of(), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribedSymbols() == 1);
        assertEquals(demand.intent(ACCOUNT_A), owner.applied(ACCOUNT_A), "pod-2 withdrew: exactly this pod's set again");
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), session().subscriptions());

        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribedSymbols() == 0);
        assertEquals(Map.of(), owner.applied(ACCOUNT_A));
    }

    /** A pod that crashed never withdraws: its intent, no longer restated, is forgotten after the lease. */
    @Test
    void anIntentNotRestatedWithinTheLeaseIsForgottenAndOnlyItsSymbolsLeaveTheBroker() {
        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(10));
        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(10));
        Instant lastStated = Instant.now().minus(LEASE).plusSeconds(1); // the lease runs out a second from now
        channel.publish(new SubscriptionIntent(SubscriptionIntent.VERSION, "tenant-a", ACCOUNT_A, "pod-crashed",
                Map.of(ALIBABA, Set.of(SubscriptionKind.QUOTE)), lastStated));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribedSymbols() == 2);

        List<String> forgotten = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> forgotten.addAll(owner.forgetExpired()));
        assertEquals(List.of(ACCOUNT_A + "|pod-crashed"), forgotten);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribedSymbols() == 1);
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), owner.applied(ACCOUNT_A), "this pod's fresh intent is kept");
        assertEquals(List.of(), owner.forgetExpired());

        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribedSymbols() == 0);
    }

    private int subscribedSymbols() {
        return admin.accountStats(BROKER_NO_A).path("subscribed_symbols").asInt();
    }

    private io.brokergate.core.spi.PushSession session() {
        return sessions.session(ACCOUNT_A).orElseThrow().push();
    }
}

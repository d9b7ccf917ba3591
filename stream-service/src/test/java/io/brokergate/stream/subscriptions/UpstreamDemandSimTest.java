package io.brokergate.stream.subscriptions;

import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.ACCOUNT_B;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.BROKER_NO_A;
import static io.brokergate.stream.upstream.SimUpstreamAccounts.BROKER_NO_B;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.brokergate.stream.upstream.SimUpstreamProfile;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reference-counted upstream subscriptions against the real paper exchange. */
@QuarkusTest
@TestProfile(SimUpstreamProfile.class)
class UpstreamDemandSimTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    // Concrete types: the fan-out tests enable fakes of the seams for every @QuarkusTest.
    @Inject
    RefCountedUpstreamDemand demand;
    @Inject
    UpstreamSessions sessions;
    @Inject
    SimUpstreamAccounts upstream;
    @Inject
    AccountDirectory directory;

    private SimAdminClient admin;

    @BeforeEach
    void sessionsUp() {
        admin = new SimAdminClient(upstream.sim().httpUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.statuses().stream()
                .filter(s -> s.isLive()).count() == 2);
    }

    @Test
    void hundredAcquiresAreOneUpstreamSubscriptionUntilTheLastReleaseLingersOut() {
        long subscribesBefore = admin.accountStats(BROKER_NO_A).path("requests").path("quote 6 Subscribe").asLong();
        List<Uni<Void>> acquired = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            acquired.add(demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE));
        }
        Uni.join().all(acquired).andFailFast().await().atMost(Duration.ofSeconds(10));

        var stats = admin.accountStats(BROKER_NO_A);
        assertEquals(1, stats.path("subscribed_symbols").asInt());
        assertEquals(subscribesBefore + 1, stats.path("requests").path("quote 6 Subscribe").asLong());

        for (int i = 0; i < 99; i++) {
            demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
        }
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.QUOTE);
        long released = System.nanoTime();
        // Still subscribed during the linger, gone after it.
        assertEquals(1, admin.accountStats(BROKER_NO_A).path("subscribed_symbols").asInt());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> admin.accountStats(BROKER_NO_A).path("subscribed_symbols").asInt() == 0);
        assertTrue(Duration.ofNanos(System.nanoTime() - released).toMillis() >= SimUpstreamProfile.LINGER_MILLIS);
    }

    @Test
    void reacquiringWithinTheLingerKeepsTheSubscription() {
        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.DEPTH).await().atMost(Duration.ofSeconds(10));
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.DEPTH);
        demand.acquire(ACCOUNT_A, TENCENT, SubscriptionKind.DEPTH).await().atMost(Duration.ofSeconds(10));
        // Held for twice the linger: the cancelled linger timer must not unsubscribe.
        await().during(Duration.ofMillis(SimUpstreamProfile.LINGER_MILLIS * 2)).atMost(Duration.ofSeconds(5))
                .until(() -> session(ACCOUNT_A).subscriptions().getOrDefault(TENCENT, Set.of()).contains(SubscriptionKind.DEPTH));
        demand.release(ACCOUNT_A, TENCENT, SubscriptionKind.DEPTH);
    }

    @Test
    void theSymbolPastTheCapFailsClearlyAndChangesNothing() {
        PushSession push = session(ACCOUNT_B);
        int cap = push.subscriptionCap();
        assertEquals(500, cap);
        Set<InstrumentId> full = new LinkedHashSet<>();
        for (int i = 0; i < cap; i++) {
            full.add(InstrumentId.parse(SimUpstreamAccounts.extraSymbol(i)));
        }
        // Fill the cap in one request (500 single acquires would take 50 s at LongPort's 10 quote requests/s).
        push.subscribe(full, Set.of(SubscriptionKind.QUOTE)).toCompletableFuture().join();
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.accountStats(BROKER_NO_B).path("subscribed_symbols").asInt() == cap);

        var failure = assertThrows(CompletionException.class, () -> demand.acquire(ACCOUNT_B, TENCENT, SubscriptionKind.QUOTE)
                .subscribeAsCompletionStage().join());
        GatewayException e = (GatewayException) failure.getCause();
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertEquals(cap, admin.accountStats(BROKER_NO_B).path("subscribed_symbols").asInt());
        assertEquals(cap, push.subscriptions().size());

        push.unsubscribe(full, Set.of(SubscriptionKind.QUOTE)).toCompletableFuture().join();
        // After room is made, the same acquire works: the failed one left no interest behind.
        demand.acquire(ACCOUNT_B, TENCENT, SubscriptionKind.QUOTE).await().atMost(Duration.ofSeconds(10));
        demand.release(ACCOUNT_B, TENCENT, SubscriptionKind.QUOTE);
    }

    @Test
    void theDirectoryListsOwnedAccountsByTenant() {
        assertTrue(directory.find(ACCOUNT_A).isPresent());
        assertTrue(directory.find("someone-else").isEmpty());
        assertEquals(List.of(ACCOUNT_B), directory.forTenant("tenant-b").stream().map(a -> a.id()).toList());
    }

    private PushSession session(String accountId) {
        return sessions.session(accountId).orElseThrow().push();
    }
}

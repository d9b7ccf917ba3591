package io.brokergate.stream.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The owner's union of every pod's intents, against a push session with a cap. */
class AccountUnionTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId APPLE = InstrumentId.parse("AAPL.US");
    private static final InstrumentId HSBC = InstrumentId.parse("5.HK");

    private static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");

    private final AccountUnion union = new AccountUnion("acc-1");
    private final FakePushSession push = new FakePushSession(3);

    @Test
    void theSessionHoldsExactlyTheUnionOfThePodsIntents() {
        union.attach(push);
        union.accept("pod-1", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), T0);
        union.accept("pod-2", Map.of(TENCENT, EnumSet.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH),
                APPLE, Set.of(SubscriptionKind.TRADES)), T0);
        assertEquals(Map.of(TENCENT, EnumSet.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH), APPLE, Set.of(SubscriptionKind.TRADES)),
                push.subscriptions());

        union.accept("pod-2", Map.of(), T0); // pod-2 withdraws: pod-1's quote stays
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), push.subscriptions());
        assertEquals(push.subscriptions(), union.applied());
        assertTrue(union.isWanted());

        union.accept("pod-1", Map.of(), T0);
        assertEquals(Map.of(), push.subscriptions());
        assertFalse(union.isWanted());
    }

    @Test
    void onlyPodsThatStoppedRestatingAreForgotten() {
        union.attach(push);
        union.accept("pod-crashed", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE), APPLE, Set.of(SubscriptionKind.QUOTE)), T0);
        union.accept("pod-live", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), T0);
        union.accept("pod-live", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), T0.plusSeconds(60)); // restated

        assertEquals(List.of(), union.forgetStatedBefore(T0), "stated at the cutoff is still in time");
        assertEquals(List.of("pod-crashed"), union.forgetStatedBefore(T0.plusSeconds(1)));
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), push.subscriptions(), "what only the crashed pod wanted is gone");
        assertEquals(List.of("pod-live"), union.forgetStatedBefore(T0.plusSeconds(61)));
        assertEquals(Map.of(), push.subscriptions());
        assertFalse(union.isWanted());
    }

    @Test
    void aNewOwnerSubscribesTheUnionFromTheIntentsAlreadyReceived() {
        // intents arrive while another pod owns the account: nothing to do yet
        union.accept("pod-1", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), T0);
        union.accept("pod-2", Map.of(APPLE, Set.of(SubscriptionKind.QUOTE)), T0);
        union.accept("pod-3", Map.of(HSBC, Set.of(SubscriptionKind.DEPTH)), T0);
        union.accept("pod-3", Map.of(), T0);

        union.attach(push); // assigned here: no pod is asked, the intents are enough
        assertEquals(Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE), APPLE, Set.of(SubscriptionKind.QUOTE)), push.subscriptions());
        assertEquals(List.of("subscribe 2"), push.requests, "one request for everything that needs the same kinds");

        FakePushSession next = new FakePushSession(3);
        union.detach(push);
        union.attach(next); // a new session after a failure gets the same set afresh
        assertEquals(push.subscriptions(), next.subscriptions());
    }

    @Test
    void aRefusedBatchIsSplitSoOnlyTheBadSymbolAndWhatIsOverTheCapAreRefused() throws Exception {
        union.attach(push);
        InstrumentId bad = InstrumentId.parse("BAD.US");
        CompletableFuture<Void> badAnswer = union.subscribed(bad, SubscriptionKind.QUOTE).toCompletableFuture();
        CompletableFuture<Void> tencentAnswer = union.subscribed(TENCENT, SubscriptionKind.QUOTE).toCompletableFuture();
        Map<InstrumentId, Set<SubscriptionKind>> five = new LinkedHashMap<>();
        for (InstrumentId i : List.of(TENCENT, bad, APPLE, HSBC, InstrumentId.parse("9988.HK"))) {
            five.put(i, Set.of(SubscriptionKind.QUOTE));
        }
        union.accept("pod-1", five, T0);

        assertEquals(3, push.subscriptions().size(), "filled up to the cap of 3");
        tencentAnswer.get(5, TimeUnit.SECONDS); // answers arrive on another thread
        GatewayException refusal = (GatewayException) assertThrowsCompletion(badAnswer);
        assertEquals(ErrorCode.INVALID_REQUEST, refusal.code());
        assertTrue(refusal.getMessage().contains("unknown symbol BAD.US"));

        int requests = push.requests.size();
        union.accept("pod-2", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), T0); // nothing new for the session
        assertEquals(requests, push.requests.size(), "refused subscriptions are not retried on every change");
        union.accept("pod-2", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE), bad, Set.of(SubscriptionKind.QUOTE)), T0);
        assertTrue(push.requests.size() > requests, "a pod asking anew is worth another try");
    }

    @Test
    void waitersLearnWhenTheSessionGoes() throws Exception {
        CompletableFuture<Void> answer = union.subscribed(TENCENT, SubscriptionKind.QUOTE).toCompletableFuture();
        union.accept("pod-1", Map.of(TENCENT, Set.of(SubscriptionKind.QUOTE)), T0);
        assertFalse(answer.isDone(), "no session yet: it waits");
        union.attach(push);
        answer.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> depth = union.subscribed(APPLE, SubscriptionKind.DEPTH).toCompletableFuture();
        union.detach(push);
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, ((GatewayException) assertThrowsCompletion(depth)).code());
    }

    private static Throwable assertThrowsCompletion(CompletableFuture<Void> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }
}

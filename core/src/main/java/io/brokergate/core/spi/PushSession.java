package io.brokergate.core.spi;

import io.brokergate.core.instrument.InstrumentId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The long-lived broker socket(s) of one account. Exactly one exists per broker account in the
 * whole cluster (the owner's). It reconnects by itself with backoff and jitter, re-authenticates,
 * resubscribes, and after a reconnect reconciles orders and executions with the broker so that
 * listeners see every change exactly once.
 */
public interface PushSession {

    /** Connects (idempotent); completes when authenticated and the order topic is subscribed. */
    CompletionStage<Void> connect();

    /**
     * Adds kinds for instruments. Fails with {@code INVALID_REQUEST} naming the cap when the
     * broker's symbol limit ({@link #subscriptionCap()}) would be exceeded; nothing is subscribed then.
     */
    CompletionStage<Void> subscribe(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds);

    CompletionStage<Void> unsubscribe(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds);

    /** Current subscriptions as this session believes them to be (restored after reconnect). */
    Map<InstrumentId, Set<SubscriptionKind>> subscriptions();

    /** Maximum number of distinct instruments subscribed at once. */
    int subscriptionCap();

    ConnectionState state();

    void addListener(PushListener listener);

    void removeListener(PushListener listener);

    CompletionStage<Void> close();
}

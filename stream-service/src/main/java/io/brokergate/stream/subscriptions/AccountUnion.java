package io.brokergate.stream.subscriptions;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.SubscriptionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The owner's side of one account's {@code subscription-intents}: the latest intent of every pod,
 * and the union of them kept subscribed on the account's push session. Intents are kept whether or
 * not this pod owns the account, so a new owner (or a new session) subscribes the union at once,
 * without asking anyone. Additions go out in batches (one broker request per set of kinds); a
 * batch the broker refuses is split so that one bad symbol, or the symbol cap, refuses only what
 * it must. A refused subscription is not retried until some pod newly asks for it. A pod's intent
 * is forgotten when it is not restated within the lease ({@link #forgetStatedBefore}).
 * Thread-safe; broker calls are asynchronous and never made twice for one change.
 */
final class AccountUnion {

    private static final Logger LOG = Logger.getLogger(AccountUnion.class);

    private final String accountId;
    private final Map<String, Set<Wanted>> byPod = new HashMap<>();
    /** When each pod in {@link #byPod} last stated its intent. */
    private final Map<String, Instant> statedAt = new HashMap<>();
    private final Set<Wanted> applied = new LinkedHashSet<>();
    private final Set<Wanted> pending = new HashSet<>();
    private final Map<Wanted, Throwable> refused = new HashMap<>();
    private final Map<Wanted, List<CompletableFuture<Void>>> waiters = new HashMap<>();
    private PushSession session;

    AccountUnion(String accountId) {
        this.accountId = accountId;
    }

    /** A pod's latest intent, stated {@code at}; an empty map withdraws everything it wanted. */
    synchronized void accept(String pod, Map<InstrumentId, Set<SubscriptionKind>> wanted, Instant at) {
        Set<Wanted> next = flatten(wanted);
        Set<Wanted> before = next.isEmpty() ? byPod.remove(pod) : byPod.put(pod, next);
        if (next.isEmpty()) {
            statedAt.remove(pod);
        } else {
            statedAt.put(pod, at);
        }
        for (Wanted w : next) {
            if (before == null || !before.contains(w)) {
                refused.remove(w); // asked again: worth another try (room may have been made)
            }
        }
        reconcile();
    }

    /**
     * Forgets the intents of pods that have not restated them since {@code cutoff} (a pod that
     * crashed never withdraws); what only they wanted is unsubscribed.
     *
     * @return the pods forgotten
     */
    synchronized List<String> forgetStatedBefore(Instant cutoff) {
        List<String> stale = new ArrayList<>();
        statedAt.forEach((pod, at) -> {
            if (at.isBefore(cutoff)) {
                stale.add(pod);
            }
        });
        if (!stale.isEmpty()) {
            stale.forEach(pod -> {
                byPod.remove(pod);
                statedAt.remove(pod);
            });
            reconcile();
        }
        return stale;
    }

    /** The account's session (new owner, or a new session after a failed one): everything is subscribed on it afresh. */
    synchronized void attach(PushSession push) {
        if (push == session) {
            return;
        }
        session = push;
        applied.clear();
        pending.clear();
        refused.clear();
        reconcile();
    }

    /** The session is gone (revoked, failed): nothing is subscribed until the next one. */
    synchronized void detach(PushSession push) {
        if (push != session) {
            return;
        }
        session = null;
        applied.clear();
        pending.clear();
        failWaiters(new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the upstream session of account " + accountId + " closed"));
    }

    /**
     * Completes once the subscription is in place on the session, or fails with the broker's
     * refusal. Registered before the pod's intent arrives, so it waits for that intent's attempt.
     */
    synchronized CompletionStage<Void> subscribed(InstrumentId instrument, SubscriptionKind kind) {
        Wanted w = new Wanted(instrument, kind);
        if (applied.contains(w)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiters.computeIfAbsent(w, k -> new ArrayList<>()).add(f);
        return f;
    }

    /** What is subscribed on the session now, by instrument. */
    synchronized Map<InstrumentId, Set<SubscriptionKind>> applied() {
        return group(applied);
    }

    /** The union of every pod's intent. */
    synchronized Map<InstrumentId, Set<SubscriptionKind>> wanted() {
        return group(union());
    }

    synchronized boolean isWanted() {
        return !byPod.isEmpty();
    }

    private Set<Wanted> union() {
        Set<Wanted> all = new LinkedHashSet<>();
        byPod.values().forEach(all::addAll);
        return all;
    }

    /** Brings the session to the union: removals at once, additions in batches; runs again when an attempt ends. */
    private void reconcile() {
        if (session == null) {
            return;
        }
        Set<Wanted> union = union();
        Set<Wanted> gone = new LinkedHashSet<>(applied);
        gone.removeAll(union);
        if (!gone.isEmpty()) {
            applied.removeAll(gone);
            unsubscribe(session, gone);
        }
        Map<InstrumentId, Set<SubscriptionKind>> missing = new LinkedHashMap<>();
        for (Wanted w : union) {
            if (!applied.contains(w) && !pending.contains(w) && !refused.containsKey(w)) {
                missing.computeIfAbsent(w.instrument(), i -> EnumSet.noneOf(SubscriptionKind.class)).add(w.kind());
            }
        }
        Map<Set<SubscriptionKind>, Set<InstrumentId>> batches = new LinkedHashMap<>();
        missing.forEach((instrument, kinds) -> batches.computeIfAbsent(kinds, k -> new LinkedHashSet<>()).add(instrument));
        List<Batch> requests = new ArrayList<>();
        batches.forEach((kinds, instruments) -> requests.add(new Batch(instruments, kinds)));
        subscribe(session, requests);
    }

    /** One subscribe request: instruments that need the same kinds. */
    private record Batch(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds) {
        Set<Wanted> keys() {
            return wanted(instruments, kinds);
        }
    }

    /**
     * Marks every batch pending before sending any: an answer that arrives at once (on this thread)
     * reconciles again, and must not send the remaining batches a second time.
     */
    private void subscribe(PushSession on, List<Batch> batches) {
        batches.forEach(b -> pending.addAll(b.keys()));
        for (Batch b : batches) {
            on.subscribe(b.instruments(), b.kinds()).whenComplete((ok, error) -> subscribed(on, b, error));
        }
    }

    private synchronized void subscribed(PushSession on, Batch b, Throwable error) {
        if (on != session) {
            return; // a stale session's answer: the new session was subscribed afresh
        }
        Set<Wanted> batch = b.keys();
        pending.removeAll(batch);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause == null) {
            applied.addAll(batch);
            batch.forEach(w -> complete(w, null));
        } else if (b.instruments().size() > 1 && isRefusal(cause)) {
            // One bad symbol or the cap refuses the whole request: find out which, one by one.
            subscribe(on, b.instruments().stream().map(i -> new Batch(Set.of(i), b.kinds())).toList());
            return;
        } else {
            LOG.warnf("upstream subscription %s %s of %s refused: %s", b.instruments(), b.kinds(), accountId, cause.getMessage());
            batch.forEach(w -> {
                refused.put(w, cause);
                complete(w, cause);
            });
        }
        reconcile();
    }

    private void unsubscribe(PushSession on, Set<Wanted> gone) {
        Map<SubscriptionKind, Set<InstrumentId>> byKind = new LinkedHashMap<>();
        gone.forEach(w -> byKind.computeIfAbsent(w.kind(), k -> new LinkedHashSet<>()).add(w.instrument()));
        byKind.forEach((kind, instruments) -> on.unsubscribe(instruments, Set.of(kind)).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warnf("unsubscribing %s %s of %s failed: %s", instruments, kind, accountId, error.getMessage());
            }
        }));
    }

    /**
     * Completes the waiters on another thread: their callbacks take the pods' locks, and a pod
     * holds its lock while it registers here, so completing under this lock could deadlock.
     */
    private void complete(Wanted w, Throwable failure) {
        List<CompletableFuture<Void>> waiting = waiters.remove(w);
        if (waiting == null) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            for (CompletableFuture<Void> f : waiting) {
                if (failure == null) {
                    f.complete(null);
                } else {
                    f.completeExceptionally(failure);
                }
            }
        });
    }

    private void failWaiters(Throwable failure) {
        List<Wanted> all = new ArrayList<>(waiters.keySet());
        all.forEach(w -> complete(w, failure));
    }

    private static boolean isRefusal(Throwable t) {
        return t instanceof GatewayException g && g.code() == ErrorCode.INVALID_REQUEST;
    }

    private static Set<Wanted> wanted(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds) {
        Set<Wanted> out = new LinkedHashSet<>();
        instruments.forEach(i -> kinds.forEach(k -> out.add(new Wanted(i, k))));
        return out;
    }

    private static Set<Wanted> flatten(Map<InstrumentId, Set<SubscriptionKind>> wanted) {
        Set<Wanted> out = new LinkedHashSet<>();
        wanted.forEach((i, kinds) -> kinds.forEach(k -> out.add(new Wanted(i, k))));
        return out;
    }

    private static Map<InstrumentId, Set<SubscriptionKind>> group(Set<Wanted> keys) {
        Map<InstrumentId, Set<SubscriptionKind>> out = new LinkedHashMap<>();
        keys.forEach(w -> out.computeIfAbsent(w.instrument(), i -> EnumSet.noneOf(SubscriptionKind.class)).add(w.kind()));
        return out;
    }
}

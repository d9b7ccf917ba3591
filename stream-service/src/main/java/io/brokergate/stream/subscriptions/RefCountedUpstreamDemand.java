package io.brokergate.stream.subscriptions;

import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.messaging.intents.IntentSettings;
import io.brokergate.stream.ownership.AccountOwnership;
import io.brokergate.stream.subscriptions.SocketPlacement.Place;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This pod's side of upstream subscriptions: counts its clients' interest per (account,
 * instrument, kind) — 100 clients on one symbol are one entry — and publishes, per account, what
 * it wants on {@code subscription-intents} whenever that set changes (coalesced: a burst of changes
 * is one intent; the last release is withdrawn only after {@code subscription-linger}, so a client
 * that comes straight back does not churn the broker), and restates what it holds every
 * {@code brokergate.intents.refresh} so owners keep it. The account's owner subscribes the union
 * over pods ({@link OwnerSubscriptions}).
 *
 * <p>Where this pod owns the account (all-in-one), an acquire completes when the owner has the
 * subscription in place, or fails with the broker's refusal (the symbol cap: {@code INVALID_REQUEST})
 * — exactly as if it had subscribed itself. Where another pod owns it, the intent is all there is
 * and the acquire completes at once; the owner logs refusals. A failed acquire holds nothing.
 */
@ApplicationScoped
public class RefCountedUpstreamDemand implements UpstreamDemand {

    private final SocketPlacement placement;
    private final Function<String, Optional<String>> tenantOf;
    private final OwnerSubscriptions owner;
    private final Consumer<SubscriptionIntent> publisher;
    private final Vertx vertx;
    private final Duration linger;
    private final Duration confirmTimeout;
    private final String pod;
    /** How often the intents are restated (owners forget one not restated within their lease). */
    private final Duration refresh;
    private final Clock clock;
    /** Guarded by this. */
    private final Map<DemandKey, Interest> interests = new HashMap<>();
    /** Accounts whose intent changed and is not published yet; guarded by this. */
    private final Set<String> changed = new LinkedHashSet<>();
    /** Accounts this pod has published a non-empty intent for, with their tenant; guarded by this. */
    private final Map<String, String> published = new HashMap<>();
    private boolean flushScheduled;

    /** Clients holding a key, what they wait on, and a pending linger timer. */
    private static final class Interest {
        final String tenant;
        int holders = 1;
        long lingerTimer = -1;
        CompletableFuture<Void> confirmed;

        Interest(String tenant) {
            this.tenant = tenant;
        }
    }

    @Inject
    public RefCountedUpstreamDemand(UpstreamSessions sessions, AccountOwnership ownership, AccountDirectory directory,
                                    OwnerSubscriptions owner, IntentPublisher publisher, Vertx vertx,
                                    @ConfigProperty(name = "brokergate.stream.subscription-linger", defaultValue = "5s") Duration linger,
                                    @ConfigProperty(name = "brokergate.stream.pod-id") Optional<String> podId,
                                    IntentSettings intents) {
        this(account -> sessions.owns(account) ? sessions.session(account).isPresent() ? Place.LOCAL_OPEN : Place.LOCAL_NOT_OPEN
                        : ownership.othersMayOwn() ? Place.REMOTE : Place.NONE,
                account -> directory.find(account).map(a -> a.tenantId()), owner, publisher::publish, vertx, linger,
                Duration.ofSeconds(60), podId.filter(p -> !p.isBlank()).orElseGet(RefCountedUpstreamDemand::defaultPodId),
                intents.refresh(), Clock.systemUTC());
    }

    RefCountedUpstreamDemand(SocketPlacement placement, Function<String, Optional<String>> tenantOf, OwnerSubscriptions owner,
                             Consumer<SubscriptionIntent> publisher, Vertx vertx, Duration linger, Duration confirmTimeout,
                             String pod, Duration refresh, Clock clock) {
        this.placement = placement;
        this.tenantOf = tenantOf;
        this.owner = owner;
        this.publisher = publisher;
        this.vertx = vertx;
        this.linger = linger;
        this.confirmTimeout = confirmTimeout;
        this.pod = pod;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Kubernetes sets HOSTNAME to the pod name; elsewhere a name unique to this run. */
    private static String defaultPodId() {
        String host = System.getenv("HOSTNAME");
        return host != null && !host.isBlank() ? host : "pod-" + UUID.randomUUID();
    }

    public String pod() {
        return pod;
    }

    @Override
    public Uni<Void> acquire(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        DemandKey key = new DemandKey(accountId, instrument, kind);
        Interest interest;
        synchronized (this) {
            interest = interests.get(key);
            if (interest != null) {
                interest.holders++;
                if (interest.lingerTimer >= 0) {
                    vertx.cancelTimer(interest.lingerTimer);
                    interest.lingerTimer = -1;
                }
                return confirmation(interest);
            }
            Place place = placement.of(accountId);
            Optional<String> tenant = tenantOf.apply(accountId);
            if (place == Place.LOCAL_NOT_OPEN || place == Place.NONE || tenant.isEmpty()) {
                return Uni.createFrom().failure(new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                        "the upstream session of account " + accountId + " is not open"));
            }
            interest = new Interest(tenant.get());
            interests.put(key, interest);
            // Registered before the intent leaves, so it waits for the attempt that intent causes.
            interest.confirmed = place == Place.LOCAL_OPEN
                    ? owner.subscribed(accountId, instrument, kind).toCompletableFuture()
                            .orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    : CompletableFuture.completedFuture(null);
            changed(accountId);
        }
        Interest held = interest;
        held.confirmed.whenComplete((ok, failure) -> {
            if (failure != null) {
                forget(key, held);
            }
        });
        return confirmation(held);
    }

    private static Uni<Void> confirmation(Interest interest) {
        return Uni.createFrom().completionStage(interest.confirmed.copy()).onFailure().transform(RefCountedUpstreamDemand::unwrap);
    }

    @Override
    public void release(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        DemandKey key = new DemandKey(accountId, instrument, kind);
        synchronized (this) {
            Interest interest = interests.get(key);
            if (interest == null || --interest.holders > 0) {
                return;
            }
            interest.lingerTimer = vertx.setTimer(Math.max(1, linger.toMillis()), id -> expire(key, interest));
        }
    }

    /** This pod's current intent for an account: what its clients hold (lingering ones included). */
    public synchronized Map<InstrumentId, Set<SubscriptionKind>> intent(String accountId) {
        Map<InstrumentId, Set<SubscriptionKind>> wanted = new HashMap<>();
        interests.keySet().stream().filter(k -> k.accountId().equals(accountId))
                .forEach(k -> wanted.computeIfAbsent(k.instrument(), i -> EnumSet.noneOf(SubscriptionKind.class)).add(k.kind()));
        return wanted;
    }

    void restateEvery(@Observes StartupEvent event) {
        vertx.setPeriodic(Math.max(1, refresh.toMillis()), id -> restate());
    }

    /** Restates every intent this pod holds, so that owners keep it past their lease. */
    synchronized void restate() {
        changed.addAll(published.keySet());
        flush();
    }

    /** Graceful shutdown: this pod wants nothing any more, so owners elsewhere can let go. */
    void withdraw(@Observes @Priority(50) ShutdownEvent event) {
        synchronized (this) {
            interests.values().forEach(i -> vertx.cancelTimer(i.lingerTimer));
            interests.clear();
            changed.addAll(published.keySet());
        }
        flush();
    }

    private synchronized void forget(DemandKey key, Interest interest) {
        if (interests.remove(key, interest)) {
            changed(key.accountId());
        }
    }

    private void expire(DemandKey key, Interest interest) {
        synchronized (this) {
            if (interest.holders > 0 || !interests.remove(key, interest)) {
                return;
            }
            changed(key.accountId());
        }
    }

    /** Caller holds the lock: one publish per account for everything that changed until it runs. */
    private void changed(String accountId) {
        changed.add(accountId);
        if (!flushScheduled) {
            flushScheduled = true;
            vertx.runOnContext(v -> flush());
        }
    }

    /** Publishes under the lock, so intents leave in the order their changes happened. */
    private synchronized void flush() {
        flushScheduled = false;
        List<String> accounts = List.copyOf(changed);
        changed.clear(); // a change made while publishing (a refusal answered at once) is published by the next flush
        for (String accountId : accounts) {
            Map<InstrumentId, Set<SubscriptionKind>> wanted = intent(accountId);
            String tenant = wanted.isEmpty() ? published.remove(accountId) : tenantOf(accountId);
            if (tenant == null) {
                continue; // never published for it: nothing to withdraw
            }
            if (!wanted.isEmpty()) {
                published.put(accountId, tenant);
            }
            publisher.accept(new SubscriptionIntent(SubscriptionIntent.VERSION, tenant, accountId, pod, wanted, clock.instant()));
        }
    }

    private String tenantOf(String accountId) {
        return interests.entrySet().stream().filter(e -> e.getKey().accountId().equals(accountId))
                .map(e -> e.getValue().tenant).findFirst().orElse(null);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof TimeoutException) {
            return new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not confirm the subscription in time; retry");
        }
        return cause;
    }
}

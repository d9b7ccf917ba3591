package io.brokergate.stream.subscriptions;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.upstream.UpstreamSessionOpened;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Counts this pod's interest per (account, instrument, kind) on the owner's push session: 100
 * clients on one symbol are one upstream subscription. The count is taken when {@link #acquire} is
 * called, not when the Uni is subscribed; pair every successful acquire with one release (a failed
 * acquire holds nothing, so its release is a no-op).
 */
@ApplicationScoped
public class RefCountedUpstreamDemand implements UpstreamDemand {

    private static final Logger LOG = Logger.getLogger(RefCountedUpstreamDemand.class);

    private final UpstreamSessions sessions;
    private final Vertx vertx;
    private final Duration linger;
    /** Guarded by this. */
    private final Map<DemandKey, Interest> interests = new HashMap<>();

    /** Clients holding a key, the upstream subscribe they wait on, and a pending linger timer. */
    private static final class Interest {
        int holders = 1;
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        long lingerTimer = -1;
        PushSession session;
    }

    public RefCountedUpstreamDemand(UpstreamSessions sessions, Vertx vertx,
                                    @ConfigProperty(name = "brokergate.stream.subscription-linger", defaultValue = "5s") Duration linger) {
        this.sessions = sessions;
        this.vertx = vertx;
        this.linger = linger;
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
                return Uni.createFrom().completionStage(interest.subscribed.copy());
            }
            var session = sessions.session(accountId);
            if (session.isEmpty()) {
                return Uni.createFrom().failure(new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                        "the upstream session of account " + accountId + " is not open on this pod"));
            }
            interest = new Interest();
            interest.session = session.get().push();
            interests.put(key, interest);
        }
        subscribe(key, interest);
        return Uni.createFrom().completionStage(interest.subscribed.copy());
    }

    private void subscribe(DemandKey key, Interest interest) {
        interest.session.subscribe(Set.of(key.instrument()), Set.of(key.kind())).whenComplete((ok, error) -> {
            if (error == null) {
                interest.subscribed.complete(null);
                return;
            }
            synchronized (this) {
                // Nothing changed upstream: forget the interest so the next acquire tries again.
                interests.remove(key, interest);
            }
            interest.subscribed.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
        });
    }

    @Override
    public void release(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        DemandKey key = new DemandKey(accountId, instrument, kind);
        synchronized (this) {
            Interest interest = interests.get(key);
            if (interest == null || --interest.holders > 0) {
                return;
            }
            // Linger: a client that comes straight back (reconnect, page reload) does not churn the broker.
            interest.lingerTimer = vertx.setTimer(Math.max(1, linger.toMillis()), id -> expire(key, interest));
        }
    }

    private void expire(DemandKey key, Interest interest) {
        synchronized (this) {
            if (interest.holders > 0 || !interests.remove(key, interest)) {
                return;
            }
        }
        interest.subscribed.thenRun(() -> interest.session.unsubscribe(Set.of(key.instrument()), Set.of(key.kind()))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warnf("unsubscribing %s failed: %s", key, error.getMessage());
                    }
                }));
    }

    /** Whether any client of this pod wants data through the account's socket. */
    public synchronized boolean hasInterest(String accountId) {
        return interests.keySet().stream().anyMatch(k -> k.accountId().equals(accountId));
    }

    /** A new session of an owned account (re-assignment, re-open after failure): re-apply what clients hold. */
    void onSessionOpened(@Observes UpstreamSessionOpened event) {
        BrokerSession session = event.session();
        List<DemandKey> held;
        synchronized (this) {
            held = interests.entrySet().stream()
                    .filter(e -> e.getKey().accountId().equals(event.accountId()) && e.getValue().session != session.push())
                    .map(Map.Entry::getKey).toList();
            held.forEach(k -> interests.get(k).session = session.push());
        }
        for (DemandKey k : held) {
            session.push().subscribe(Set.of(k.instrument()), Set.of(k.kind())).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warnf("re-subscribing %s on the new session failed: %s", k, error.getMessage());
                }
            });
        }
    }
}

package io.brokergate.stream.subscriptions;

import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.messaging.intents.IntentSettings;
import io.brokergate.stream.upstream.UpstreamSessionClosed;
import io.brokergate.stream.upstream.UpstreamSessionOpened;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The socket owner's side of the {@code subscription-intents} channel: every pod's intents per
 * account (all accounts, owned or not), and for each account this pod owns, their union kept
 * subscribed on its push session ({@link AccountUnion}). A newly assigned account, or a new session
 * of one, gets the union subscribed at once from the intents already received. Intents not restated
 * within {@code brokergate.intents.lease} are forgotten (their pod is gone).
 */
@ApplicationScoped
public class OwnerSubscriptions {

    public static final String INTENTS_IN = "subscription-intents-in";
    private static final Logger LOG = Logger.getLogger(OwnerSubscriptions.class);

    private final Map<String, AccountUnion> accounts = new ConcurrentHashMap<>();
    private final Duration lease;
    private final Clock clock;

    @Inject
    OwnerSubscriptions(IntentSettings settings) {
        this(settings.lease(), Clock.systemUTC());
    }

    OwnerSubscriptions(Duration lease, Clock clock) {
        this.lease = lease;
        this.clock = clock;
    }

    /** Checks the leases a few times per lease, so a crashed pod's intents go within about 1.25 leases. */
    void start(@Observes StartupEvent ignored, Vertx vertx) {
        vertx.setPeriodic(Math.max(1, lease.toMillis() / 4), id -> forgetExpired());
    }

    /** Forgets every intent not restated within the lease; returns the (account, pod) pairs forgotten. */
    List<String> forgetExpired() {
        Instant cutoff = clock.instant().minus(lease);
        List<String> forgotten = new ArrayList<>();
        accounts.forEach((account, union) -> {
            for (String pod : union.forgetStatedBefore(cutoff)) {
                LOG.infof("subscription intent of pod %s for account %s not restated within %s: forgotten", pod, account, lease);
                forgotten.add(account + '|' + pod);
            }
        });
        return forgotten;
    }

    @Incoming(INTENTS_IN)
    void onIntent(SubscriptionIntent intent) {
        if (intent == null) {
            return; // a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        try {
            Instant at = intent.at() != null ? intent.at() : clock.instant();
            // A starting pod reads the topic from the beginning: an intent already past its lease is a gone pod's.
            boolean expired = at.isBefore(clock.instant().minus(lease));
            union(intent.accountId()).accept(intent.pod(), expired ? Map.of() : intent.wanted(), at);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not apply the subscription intent %s", intent.key()); // one bad intent must not end the channel
        }
    }

    void onSessionOpened(@Observes UpstreamSessionOpened event) {
        union(event.accountId()).attach(event.session().push());
    }

    void onSessionClosed(@Observes UpstreamSessionClosed event) {
        union(event.accountId()).detach(event.session().push());
    }

    /** Completes when the subscription is in place on the owned account's session; fails with the broker's refusal. */
    public CompletionStage<Void> subscribed(String accountId, InstrumentId instrument, SubscriptionKind kind) {
        return union(accountId).subscribed(instrument, kind);
    }

    /** Whether any pod wants data through the account's socket. */
    public boolean isWanted(String accountId) {
        AccountUnion u = accounts.get(accountId);
        return u != null && u.isWanted();
    }

    /** What is subscribed on the account's session now. */
    public Map<InstrumentId, Set<SubscriptionKind>> applied(String accountId) {
        AccountUnion u = accounts.get(accountId);
        return u == null ? Map.of() : u.applied();
    }

    /** The union of all pods' intents for the account. */
    public Map<InstrumentId, Set<SubscriptionKind>> wanted(String accountId) {
        AccountUnion u = accounts.get(accountId);
        return u == null ? Map.of() : u.wanted();
    }

    private AccountUnion union(String accountId) {
        return accounts.computeIfAbsent(accountId, AccountUnion::new);
    }
}

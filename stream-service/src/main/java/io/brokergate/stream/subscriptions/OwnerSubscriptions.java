package io.brokergate.stream.subscriptions;

import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.upstream.UpstreamSessionClosed;
import io.brokergate.stream.upstream.UpstreamSessionOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * of one, gets the union subscribed at once from the intents already received.
 */
@ApplicationScoped
public class OwnerSubscriptions {

    public static final String INTENTS_IN = "subscription-intents-in";
    private static final Logger LOG = Logger.getLogger(OwnerSubscriptions.class);

    private final Map<String, AccountUnion> accounts = new ConcurrentHashMap<>();

    @Incoming(INTENTS_IN)
    void onIntent(SubscriptionIntent intent) {
        if (intent == null) {
            return; // a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        try {
            union(intent.accountId()).accept(intent.pod(), intent.wanted());
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

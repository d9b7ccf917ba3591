package io.brokergate.core.events;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one stream pod wants subscribed upstream for one account, on the compacted
 * {@code subscription-intents} channel (key: account + pod). The account's owner subscribes the
 * union over pods, so a new owner rebuilds the upstream set without asking anyone. An empty map
 * withdraws the pod's interest.
 *
 * <p>A publisher restates its intents periodically with a new {@code at}; an owner forgets an intent
 * not restated within its lease, so a pod that crashed (and never withdrew) does not hold broker
 * subscriptions, and room under the broker's symbol cap, for ever.
 *
 * @param at when the publisher stated it; null from publishers that predate restating (taken as the
 *           moment it is received)
 */
public record SubscriptionIntent(int version, String tenantId, String accountId, String pod,
                                 Map<InstrumentId, Set<SubscriptionKind>> wanted, Instant at)
        implements WireEvent {

    public static final int VERSION = 1;

    public SubscriptionIntent {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(pod, "pod");
        wanted = Map.copyOf(wanted);
    }

    /**
     * Message key: account + pod, so the compacted topic keeps each pod's latest intent for the
     * account (keyed by account alone, one pod's intent would erase another's).
     */
    @Override
    public String key() {
        return accountId + '|' + pod;
    }
}

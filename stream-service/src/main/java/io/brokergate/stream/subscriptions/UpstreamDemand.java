package io.brokergate.stream.subscriptions;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.smallrye.mutiny.Uni;

/**
 * Reference-counted interest of this pod's clients in (account, instrument, kind). The first
 * acquire subscribes upstream; the last release unsubscribes after a short linger, so a client
 * that reconnects at once does not churn the broker's subscription. Fails with
 * {@code INVALID_REQUEST} naming the broker's symbol cap when a new instrument would exceed it;
 * then nothing changes.
 */
public interface UpstreamDemand {

    Uni<Void> acquire(String accountId, InstrumentId instrument, SubscriptionKind kind);

    void release(String accountId, InstrumentId instrument, SubscriptionKind kind);
}

package io.brokergate.stream.fanout;

import io.brokergate.api.security.Caller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One connected, authenticated client and what it is subscribed to. */
public final class ClientSession {

    /** A market-data subscription is pending until UpstreamDemand granted it; only active ones are released. */
    enum State { PENDING, ACTIVE }

    private final String id;
    private final Caller caller;
    private final ClientOutbox outbox;
    private final int maxSubscriptions;
    final Map<SubscriptionKey, State> subscriptions = new ConcurrentHashMap<>();

    ClientSession(String id, Caller caller, ClientOutbox outbox, int maxSubscriptions) {
        this.id = id;
        this.caller = caller;
        this.outbox = outbox;
        this.maxSubscriptions = maxSubscriptions;
    }

    public String id() {
        return id;
    }

    public Caller caller() {
        return caller;
    }

    public ClientOutbox outbox() {
        return outbox;
    }

    /** Subscriptions this session may hold at once (symbols × kinds for market data, one per account stream). */
    public int maxSubscriptions() {
        return maxSubscriptions;
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    public boolean isSubscribed(SubscriptionKey key) {
        return subscriptions.get(key) == State.ACTIVE;
    }
}

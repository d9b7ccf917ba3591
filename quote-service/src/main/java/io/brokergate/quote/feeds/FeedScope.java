package io.brokergate.quote.feeds;

import io.brokergate.core.capability.BrokerId;
import java.util.Objects;

/**
 * Whose market data a cache entry is: data bought through a tenant's connections to one broker is
 * served to that tenant only, and never mixed with another broker's (a tenant's paper exchange and
 * its live LongPort account quote different markets under the same symbols).
 */
public record FeedScope(String tenantId, BrokerId broker) {

    public FeedScope {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(broker, "broker");
    }

    @Override
    public String toString() {
        return tenantId + "/" + broker.wireName();
    }
}

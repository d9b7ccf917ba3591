package io.brokergate.auth.connections;

import io.brokergate.core.capability.BrokerId;
import java.time.Instant;
import java.util.Map;

/** A tenant's login at one broker. The credentials themselves are only ever held decrypted in memory. */
public record BrokerConnection(String id, String tenantId, BrokerId broker, String name, Map<String, String> endpoints, Instant createdAt) {
    public BrokerConnection {
        endpoints = Map.copyOf(endpoints);
    }
}

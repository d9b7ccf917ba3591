package io.brokergate.core.spi;

import io.brokergate.core.capability.BrokerId;
import java.util.Map;
import java.util.Objects;

/**
 * Decrypted credentials of one broker connection, as handed to an adapter. The keys are
 * broker-specific ({@code app_key}, {@code app_secret}, {@code access_token} for LongPort;
 * {@code client_id}, {@code access_token} for AliceBlue; {@code host}, {@code port} for Futu OpenD).
 * {@link #toString()} never prints values.
 *
 * @param endpoints broker URLs by name ({@code http}, {@code quote_ws}, {@code trade_ws}); empty means
 *                  the broker's production defaults
 */
public record BrokerCredentials(
        BrokerId broker, String connectionId, Map<String, String> secrets, Map<String, String> endpoints) {

    public BrokerCredentials {
        Objects.requireNonNull(broker, "broker");
        secrets = Map.copyOf(secrets);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    public String require(String key) {
        String v = secrets.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(broker.wireName() + " credentials lack '" + key + "'");
        }
        return v;
    }

    public String endpoint(String name, String fallback) {
        return endpoints.getOrDefault(name, fallback);
    }

    @Override
    public String toString() {
        return "BrokerCredentials[" + broker + ", connection=" + connectionId + ", keys=" + secrets.keySet() + "]";
    }
}

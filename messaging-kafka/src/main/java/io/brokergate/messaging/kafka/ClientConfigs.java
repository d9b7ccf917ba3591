package io.brokergate.messaging.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * Configs for this module's own Kafka clients: the shared connection settings (Quarkus's
 * {@code kafka.*}: bootstrap servers, security, SASL) plus each client's own. A group id set for
 * the channels is dropped: each client here names its group, or has none.
 */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    public static Map<String, Object> of(Map<String, Object> shared, Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(shared);
        config.remove("group.id");
        config.remove("group.instance.id");
        config.putAll(own);
        return config;
    }
}

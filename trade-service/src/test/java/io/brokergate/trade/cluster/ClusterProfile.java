package io.brokergate.trade.cluster;

import io.brokergate.messaging.kafka.testing.ClusterTestProfile;
import java.util.Map;

/**
 * trade-service in cluster mode against a real in-process broker: order events come from the Kafka
 * topic {@code order-events}, where the tests' stand-in socket owner publishes them.
 */
public class ClusterProfile extends ClusterTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.outgoing.test-order-events.connector", "smallrye-kafka");
    }
}

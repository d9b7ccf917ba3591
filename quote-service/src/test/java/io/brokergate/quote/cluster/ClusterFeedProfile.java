package io.brokergate.quote.cluster;

import io.brokergate.messaging.kafka.testing.ClusterTestProfile;
import io.brokergate.quote.testing.SimMarketProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * quote-service in cluster mode against a real in-process broker: the simulated socket owner
 * publishes on the Kafka topic {@code market-data}, as stream-service's owners do, and the cache is
 * fed from it.
 */
public class ClusterFeedProfile extends SimMarketProfile {

    @Override
    public String getConfigProfile() {
        return ClusterTestProfile.PROFILES;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("mp.messaging.outgoing.test-market-data.connector", "smallrye-kafka");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return ClusterTestProfile.kafka();
    }
}

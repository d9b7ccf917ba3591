package io.brokergate.stream.cluster;

import io.brokergate.messaging.kafka.testing.ClusterTestProfile;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import java.util.Map;
import java.util.Set;

/**
 * The standalone service in cluster mode against a real in-process Kafka broker, owning the paper
 * exchange's two accounts through the consumer group of {@code account-shards}.
 */
public class ClusterProfile extends ClusterTestProfile {

    public static final String POD = "stream-pod-under-test";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SimUpstreamAccounts.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brokergate.stream.pod-id", POD,
                "brokergate.kafka.shards.member-id", POD,
                "brokergate.stream.subscription-linger", "300ms");
    }
}

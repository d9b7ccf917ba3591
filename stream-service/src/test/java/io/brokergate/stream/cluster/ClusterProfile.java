package io.brokergate.stream.cluster;

import io.brokergate.messaging.kafka.testing.KafkaTestResource;
import io.brokergate.stream.upstream.SimUpstreamAccounts;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standalone service in cluster mode (the {@code cluster} profile on top of {@code test}) against
 * a real in-process Kafka broker, owning the paper exchange's two accounts through the consumer
 * group of {@code account-shards}.
 */
public class ClusterProfile implements QuarkusTestProfile {

    public static final String POD = "stream-pod-under-test";

    @Override
    public String getConfigProfile() {
        return "test,cluster";
    }

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

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class));
    }
}

package io.brokergate.trade.cluster;

import io.brokergate.messaging.kafka.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * trade-service in cluster mode ({@code cluster} on top of {@code test}) against a real in-process
 * broker: order events come from the Kafka topic {@code order-events}, where the tests' stand-in
 * socket owner publishes them.
 */
public class ClusterProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,cluster";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.outgoing.test-order-events.connector", "smallrye-kafka");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class));
    }
}

package io.brokergate.messaging.kafka.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A service in cluster mode for {@code @QuarkusTest}: the {@code cluster} profile on top of
 * {@code test}, pointed at the shared in-process broker ({@link KafkaTestResource}).
 */
public class ClusterTestProfile implements QuarkusTestProfile {

    /** The profiles a cluster-mode test runs with. */
    public static final String PROFILES = "test,cluster";

    @Override
    public String getConfigProfile() {
        return PROFILES;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return kafka();
    }

    /** The broker resource, for profiles that extend another one. */
    public static List<TestResourceEntry> kafka() {
        return List.of(new TestResourceEntry(KafkaTestResource.class));
    }
}

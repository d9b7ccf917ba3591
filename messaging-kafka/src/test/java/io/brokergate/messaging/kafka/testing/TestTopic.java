package io.brokergate.messaging.kafka.testing;

import io.brokergate.messaging.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A topic's settings for tests. */
public record TestTopic(int partitions, Optional<Short> replicationFactor, String cleanupPolicy, Optional<Duration> retention,
                        Map<String, String> configs) implements KafkaSettings.Topic {

    public static TestTopic of(int partitions, String cleanupPolicy) {
        return new TestTopic(partitions, Optional.empty(), cleanupPolicy, Optional.empty(), Map.of());
    }
}

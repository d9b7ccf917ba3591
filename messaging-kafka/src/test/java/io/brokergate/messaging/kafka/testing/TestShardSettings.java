package io.brokergate.messaging.kafka.testing;

import io.brokergate.messaging.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Optional;

/** Shard ownership settings for tests: a fresh topic and group, short timeouts. */
public record TestShardSettings(String topic, String groupId, Duration sessionTimeout, Duration heartbeatInterval,
                                Duration claimTimeout, Optional<String> memberId, Optional<String> advertisedUrl) implements KafkaSettings.Shards {

    /** Failover within about 1.5 s after a crash. */
    public static TestShardSettings fast(String topic, String groupId) {
        return new TestShardSettings(topic, groupId, Duration.ofMillis(1200), Duration.ofMillis(300), Duration.ofSeconds(5),
                Optional.empty(), Optional.empty());
    }

    public TestShardSettings withGroup(String group) {
        return new TestShardSettings(topic, group, sessionTimeout, heartbeatInterval, claimTimeout, memberId, advertisedUrl);
    }

    public TestShardSettings withAdvertisedUrl(String url) {
        return new TestShardSettings(topic, groupId, sessionTimeout, heartbeatInterval, claimTimeout, memberId, Optional.of(url));
    }
}

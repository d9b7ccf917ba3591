package io.brokergate.messaging.kafka.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.messaging.kafka.KafkaSettings;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.messaging.kafka.testing.TestTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();

    @Test
    void missingTopicsAreCreatedWithTheirPartitionsCleanupAndRetentionAndExistingOnesLeftAlone() throws Exception {
        String events = "events-" + UUID.randomUUID();
        String intents = "intents-" + UUID.randomUUID();
        Map<String, KafkaSettings.Topic> topics = Map.of(
                events, new TestTopic(6, Optional.of((short) 1), "delete", Optional.of(Duration.ofHours(1)),
                        Map.of("min.insync.replicas", "1")),
                intents, TestTopic.of(3, "compact"));

        KafkaTopics.ensure(KAFKA.clientConfig(), topics, Duration.ofSeconds(20));
        KafkaTopics.ensure(KAFKA.clientConfig(), Map.of(events, TestTopic.of(9, "compact")), Duration.ofSeconds(20));

        try (Admin admin = Admin.create(KAFKA.clientConfig())) {
            var described = admin.describeTopics(List.of(events, intents)).allTopicNames().get(10, TimeUnit.SECONDS);
            assertEquals(6, described.get(events).partitions().size(), "an existing topic is not changed");
            assertEquals(3, described.get(intents).partitions().size());
            Config eventsConfig = config(admin, events);
            assertEquals("delete", eventsConfig.get("cleanup.policy").value());
            assertEquals("3600000", eventsConfig.get("retention.ms").value());
            assertEquals("1", eventsConfig.get("min.insync.replicas").value());
            assertEquals("compact", config(admin, intents).get("cleanup.policy").value());
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(r)).all().get(10, TimeUnit.SECONDS).get(r);
    }
}

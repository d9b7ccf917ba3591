package io.brokergate.messaging.kafka.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * {@code @QuarkusTestResource} (or a test profile's resource) that points the application at the
 * shared in-process broker ({@link KafkaTestBroker#shared()}): every Kafka test of a module reuses
 * one broker, started by the first.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", KafkaTestBroker.shared().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped when the JVM exits.
    }
}

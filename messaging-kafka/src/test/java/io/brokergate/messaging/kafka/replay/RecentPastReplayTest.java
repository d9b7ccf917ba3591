package io.brokergate.messaging.kafka.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A pod that starts consuming in a new group begins at the records of the replay window, not at the end. */
class RecentPastReplayTest {

    private final KafkaTestBroker kafka = KafkaTestBroker.shared();

    @Test
    void aNewConsumerReadsTheRecentPastButNotOlderRecords() throws Exception {
        String topic = "replay-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(new HashMap<>(kafka.clientConfig()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, now - Duration.ofMinutes(30).toMillis(), "a", "too old")).get();
            producer.send(new ProducerRecord<>(topic, 0, now - Duration.ofMinutes(5).toMillis(), "a", "recent 1")).get();
            producer.send(new ProducerRecord<>(topic, 1, now - Duration.ofMinutes(20).toMillis(), "b", "too old")).get();
            producer.send(new ProducerRecord<>(topic, 0, now, "a", "recent 2")).get();
        }
        RecentPastReplay replay = new RecentPastReplay(Duration.ofMinutes(10));
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    replay.onPartitionsAssigned(consumer, partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            List<String> read = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    read.add(r.value());
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
            assertEquals(List.of("recent 1", "recent 2"), read, "the last 10 minutes, in order; nothing older");
        }
    }
}

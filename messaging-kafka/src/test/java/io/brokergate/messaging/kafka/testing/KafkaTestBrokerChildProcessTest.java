package io.brokergate.messaging.kafka.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.messaging.kafka.topics.KafkaTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as its own process (for multi-process tests): formatted, started, used, stopped. */
class KafkaTestBrokerChildProcessTest {

    @Test
    void aChildProcessBrokerServesClientsAndIsGoneWhenClosed(@TempDir Path dir) throws Exception {
        String bootstrap;
        try (KafkaTestBroker broker = KafkaTestBroker.childProcess(dir)) {
            bootstrap = broker.bootstrapServers();
            KafkaTopics.ensure(broker.clientConfig(), Map.of("probe", TestTopic.of(2, "delete")), Duration.ofSeconds(20));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "from the test JVM")).get(20, TimeUnit.SECONDS);
            }
            assertEquals(List.of("from the test JVM"), read(bootstrap));
            assertEquals(true, Files.exists(dir.resolve("broker.log")));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
            assertThrows(ExecutionException.class, () -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS),
                    "the process is gone");
        }
    }

    private static List<String> read(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> values.add(r.value()));
            }
        }
        return values;
    }
}

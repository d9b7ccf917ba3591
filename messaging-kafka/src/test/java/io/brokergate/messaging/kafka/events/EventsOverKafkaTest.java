package io.brokergate.messaging.kafka.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.events.WireEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.messaging.kafka.testing.KafkaTestBroker;
import io.brokergate.messaging.kafka.testing.TestTopic;
import io.brokergate.messaging.kafka.topics.KafkaTopics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The serializer, keys and deserializer of the event channels against a real broker. */
class EventsOverKafkaTest {

    private static final KafkaTestBroker KAFKA = KafkaTestBroker.shared();
    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    @Test
    void eventsTravelAsKeyedJsonAndEachAccountStaysInOrderOnOnePartition() {
        String topic = topic();
        List<WireEvent> sent = new ArrayList<>();
        for (long seq = 1; seq <= 20; seq++) {
            for (String account : List.of("acc-1", "acc-2", "acc-3")) {
                sent.add(AccountEvent.connection(new EventStamp("tenant-a", account, 7, seq, Instant.now()), "connected", null));
            }
        }
        sent.add(MarketDataEvent.quote(new EventStamp("tenant-a", "acc-1", 7, 1, Instant.now()), quote()));
        sent.add(new SubscriptionIntent(1, "tenant-a", "acc-1", "pod-1", Map.of(TENCENT, EnumSet.of(SubscriptionKind.QUOTE)), Instant.now()));
        try (KafkaProducer<String, WireEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, EventKeys.class.getName(),
                // What is tested here is the wire format and the keys. One request in flight keeps each
                // partition in order without the idempotent producer, whose sequence numbers the shared
                // test broker, starved of CPU right after creating the topic, once left stalled for good.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000), new StringSerializer(), new EventSerializer())) {
            sent.forEach(e -> producer.send(new ProducerRecord<>(topic, e)));
        }

        List<ConsumerRecord<String, WireEvent>> received = consume(topic, sent.size());

        assertEquals(Set.copyOf(sent), Set.copyOf(received.stream().map(ConsumerRecord::value).toList()));
        Map<String, Integer> partitionOf = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, WireEvent> r : received) {
            assertEquals(r.value().key(), r.key());
            assertEquals(partitionOf.computeIfAbsent(r.key(), k -> r.partition()), r.partition(), "one key, one partition");
            if (r.value() instanceof AccountEvent e) {
                long previous = lastSequence.getOrDefault(r.key(), 0L);
                assertEquals(previous + 1, e.stamp().sequence(), "in order per account");
                lastSequence.put(r.key(), e.stamp().sequence());
            }
        }
    }

    @Test
    void aMalformedRecordIsCountedAndRefusedAndTheNextOneReads() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        String topic = topic();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(), ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, false), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> bad = new ProducerRecord<>(topic, 0, "acc-1", "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8));
            bad.headers().add(EventSerializer.TYPE_HEADER, "account-event".getBytes(StandardCharsets.US_ASCII));
            raw.send(bad);
            raw.send(new ProducerRecord<>(topic, 0, "acc-1", "no type header".getBytes(StandardCharsets.UTF_8)));
        }
        try (KafkaConsumer<String, WireEvent> consumer = consumer()) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            RecordDeserializationException first = assertThrows(RecordDeserializationException.class,
                    () -> consumer.poll(Duration.ofSeconds(10)));
            assertTrue(first.getMessage().contains(topic), first.getMessage());
            consumer.seek(p, first.offset() + 1);
            assertThrows(RecordDeserializationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        } finally {
            assertEquals(2.0, meters.counter(EventDeserializer.MALFORMED, "topic", topic).count());
            Metrics.removeRegistry(meters);
        }
    }

    private static List<ConsumerRecord<String, WireEvent>> consume(String topic, int count) {
        List<ConsumerRecord<String, WireEvent>> received = new ArrayList<>();
        try (KafkaConsumer<String, WireEvent> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }

    private static KafkaConsumer<String, WireEvent> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer());
    }

    private static String topic() {
        String topic = "events-" + UUID.randomUUID();
        KafkaTopics.ensure(KAFKA.clientConfig(), Map.of(topic, TestTopic.of(6, "delete")), Duration.ofSeconds(20));
        return topic;
    }

    private static Quote quote() {
        return new Quote(TENCENT, new BigDecimal("641.5"), null, null, null, null, new BigDecimal("641"), new BigDecimal("100"),
                new BigDecimal("642"), new BigDecimal("200"), 1000, null, null, Instant.now());
    }
}

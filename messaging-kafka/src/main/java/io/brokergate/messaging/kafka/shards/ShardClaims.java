package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.kafka.ClientConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Epochs for newly assigned shards. The epoch of a claim is {@code max(previous claim's epoch + 1,
 * now in ms)}: strictly larger than every earlier claim of the shard (read back from the shard's
 * partition), and still larger after the topic was recreated or the shard moved partitions (the
 * clock), as far as clocks agree. The claim is written (acks=all) before the shard is used, so the
 * next holder, which can only be assigned the shard after this one let go, reads it.
 */
final class ShardClaims implements AutoCloseable {

    private final String topic;
    private final String member;
    private final String url;
    private final Clock clock;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> reader;

    ShardClaims(Map<String, Object> kafka, String topic, String member, String url, Clock clock, Duration timeout) {
        this.topic = topic;
        this.member = member;
        this.url = url;
        this.clock = clock;
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(ClientConfigs.of(kafka, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "shard-claims-" + member,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis())),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.reader = new KafkaConsumer<>(ClientConfigs.of(kafka, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "shard-claims-reader-" + member,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Claims the shards (partition numbers); throws if the claims cannot be read or written in time. */
    Map<Integer, Long> claim(Set<Integer> shards) {
        Map<Integer, Long> last = lastEpochs(shards);
        long now = clock.millis();
        Map<Integer, Long> epochs = new HashMap<>();
        Map<Integer, Future<RecordMetadata>> sent = new HashMap<>();
        for (int shard : shards) {
            long epoch = Math.max(now, last.getOrDefault(shard, 0L) + 1);
            epochs.put(shard, epoch);
            byte[] claim = new ShardClaim(ShardClaim.VERSION, epoch, member, now, url).toJson();
            sent.put(shard, producer.send(new ProducerRecord<>(topic, shard, ShardClaim.KEY, claim)));
        }
        for (Future<RecordMetadata> f : sent.values()) {
            await(f);
        }
        return epochs;
    }

    /** The epoch of the latest claim in each shard's partition (absent: no claim yet). */
    private Map<Integer, Long> lastEpochs(Set<Integer> shards) {
        List<TopicPartition> partitions = new ArrayList<>();
        shards.forEach(s -> partitions.add(new TopicPartition(topic, s)));
        reader.assign(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, timeout);
        Map<Integer, Long> last = new HashMap<>();
        List<TopicPartition> toRead = new ArrayList<>();
        for (TopicPartition p : partitions) {
            long end = ends.get(p);
            if (end > 0) {
                reader.seek(p, end - 1); // compaction never removes the newest record, so end - 1 is the latest claim
                toRead.add(p);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (toRead.stream().anyMatch(p -> reader.position(p, timeout) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("the previous claims of " + toRead + " could not be read within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                ShardClaim.parse(r.value()).ifPresent(c -> last.merge(r.partition(), c.epoch(), Math::max));
            }
        }
        reader.unsubscribe();
        return last;
    }

    private void await(Future<RecordMetadata> f) {
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a shard claim", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("a shard claim could not be written within " + timeout + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
        reader.close(timeout);
    }
}

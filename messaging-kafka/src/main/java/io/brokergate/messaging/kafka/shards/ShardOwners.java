package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.kafka.ClientConfigs;
import io.brokergate.messaging.shards.AccountOwners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Who holds each shard, read from the claims in the shards topic: a consumer without a group,
 * assigned every partition from the beginning, keeps the latest claim of each shard (the one with
 * the largest epoch; compaction keeps at least that one). Reads on a thread of its own;
 * {@link #owner} only looks at what was read, so it never waits. A claim without a URL (written by
 * a pod that advertises none) makes its shard's owner unknown.
 */
public final class ShardOwners implements AccountOwners, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ShardOwners.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final long RETRY_MILLIS = 1000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    /** By shard; null until the topic's partitions are known. */
    private volatile AtomicReferenceArray<Owner> owners;
    private volatile boolean stopping;
    private Thread thread;

    public ShardOwners(Map<String, Object> kafka, String topic, String clientId) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(ClientConfigs.of(kafka, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Starts reading (once). */
    public synchronized ShardOwners start() {
        if (thread == null) {
            thread = new Thread(this::run, "shard-owners-" + topic);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    @Override
    public Optional<Owner> owner(String accountId) {
        AtomicReferenceArray<Owner> known = owners;
        if (known == null) {
            return Optional.empty();
        }
        Owner owner = known.get(KafkaShardAssignment.shardOf(accountId, known.length()));
        return owner == null || owner.url() == null ? Optional.empty() : Optional.of(owner);
    }

    private void run() {
        try {
            while (!stopping && owners == null) {
                assignAll();
            }
            while (!stopping) {
                read();
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }

    private void assignAll() {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (partitions != null && !partitions.isEmpty()) {
                List<TopicPartition> all = new ArrayList<>();
                partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
                consumer.assign(all);
                consumer.seekToBeginning(all);
                owners = new AtomicReferenceArray<>(all.size());
                LOG.infof("reading the owners of %d shard(s) from %s", all.size(), topic);
                return;
            }
            LOG.warnf("Kafka topic %s has no partitions yet; looking again", topic);
        } catch (KafkaException e) {
            if (e instanceof WakeupException w) {
                throw w;
            }
            LOG.warnf("cannot learn the partitions of %s: %s", topic, e.getMessage());
        }
        pause();
    }

    private void read() {
        try {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                ShardClaim.parse(r.value()).ifPresent(claim -> learn(r.partition(), claim));
            }
        } catch (KafkaException e) {
            if (e instanceof WakeupException w) {
                throw w;
            }
            LOG.warnf("reading shard owners from %s: %s", topic, e.getMessage());
            pause();
        }
    }

    /** Only the reading thread writes: a compare-then-set without races. */
    private void learn(int shard, ShardClaim claim) {
        AtomicReferenceArray<Owner> known = owners;
        if (shard >= known.length()) {
            return; // a partition added after start; its claims are read after a restart
        }
        Owner current = known.get(shard);
        if (current == null || claim.epoch() >= current.epoch()) {
            known.set(shard, new Owner(claim.url(), claim.epoch()));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        stopping = true;
        if (t == null) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            return;
        }
        consumer.wakeup();
        try {
            t.join(METADATA_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

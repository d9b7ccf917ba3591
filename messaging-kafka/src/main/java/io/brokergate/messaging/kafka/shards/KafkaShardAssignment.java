package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.kafka.ClientConfigs;
import io.brokergate.messaging.kafka.KafkaSettings;
import io.brokergate.messaging.shards.ShardAssignment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Shards are the partitions of the shards topic ({@code account-shards}); a Kafka consumer group
 * assigns them to the members. Keys map to shards as Kafka's default partitioner maps record keys
 * (murmur2 mod partitions), so a record keyed by an account lands in the account's shard.
 *
 * <p>Choices, and why:
 * <ul>
 * <li>The classic group protocol with the cooperative-sticky assignor. Cooperative: a rebalance
 *     revokes only the shards that move (an eager one would close and reopen every broker socket of
 *     every pod whenever a pod joins or leaves). Classic: the session timeout and heartbeat interval
 *     that bound failover are this client's settings (the KIP-848 protocol sets them on the broker).
 *     In both protocols a moving shard is revoked, and the revoke callback has returned, before the
 *     next rebalance can assign it elsewhere: sockets close before another pod opens them.</li>
 * <li>A claim per assignment ({@link ShardClaims}) makes the epoch: larger than any earlier one of
 *     the shard even across group deletion, topic recreation or restarts of the whole group, which
 *     a group generation is not.</li>
 * <li>Self-fencing: a member that has had no answer from the group coordinator for a session
 *     timeout has been (or is about to be) removed from the group; it releases its shards then,
 *     without waiting to learn it, and rejoins from scratch.</li>
 * </ul>
 * The records of the shards topic (claims) are never consumed by the group: assigned partitions are paused.
 */
public final class KafkaShardAssignment implements ShardAssignment {

    private static final Logger LOG = Logger.getLogger(KafkaShardAssignment.class);

    private final Map<String, Object> kafka;
    private final KafkaSettings.Shards settings;
    private final String member;
    private final String url;
    private final Clock clock;
    private volatile int shards;
    private Thread thread;
    private GroupMembership membership;

    /** A member that advertises {@code settings.advertisedUrl()} (none when unset) in its claims. */
    public KafkaShardAssignment(Map<String, Object> kafka, KafkaSettings.Shards settings, String member, Clock clock) {
        this(kafka, settings, member, settings.advertisedUrl().orElse(null), clock);
    }

    /**
     * @param kafka   the shared connection settings (bootstrap servers, security)
     * @param member  this process's name in claims and client ids
     * @param url     this process's internal base URL, advertised in its claims ({@link ShardOwners}); null for none
     */
    public KafkaShardAssignment(Map<String, Object> kafka, KafkaSettings.Shards settings, String member, String url, Clock clock) {
        this.kafka = kafka;
        this.settings = settings;
        this.member = member;
        this.url = url;
        this.clock = clock;
    }

    @Override
    public int shardOf(String key) {
        int n = shards;
        if (n <= 0) {
            throw new IllegalStateException("not joined yet: the number of shards is unknown");
        }
        return shardOf(key, n);
    }

    /** Kafka's default partitioner: the partition a record keyed {@code key} lands in, of {@code shards}. */
    static int shardOf(String key, int shards) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % shards;
    }

    /** The number of shards (partitions of the shards topic); 0 before {@link #join}. */
    public int shards() {
        return shards;
    }

    /** Learns the number of shards (the topic must exist), then joins the group on a thread of its own. */
    @Override
    public synchronized void join(Listener listener) {
        if (thread != null) {
            throw new IllegalStateException("already joined");
        }
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> partitions = c.partitionsFor(settings.topic(), settings.claimTimeout());
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("Kafka topic " + settings.topic() + " does not exist (brokergate.kafka.create-topics)");
            }
            shards = partitions.size();
        } catch (RuntimeException e) {
            c.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        ShardClaims claims = new ShardClaims(kafka, settings.topic(), member, url, clock, settings.claimTimeout());
        membership = new GroupMembership(c, claims, listener, settings);
        thread = new Thread(membership::run, "shard-membership-" + settings.topic());
        thread.setDaemon(true);
        thread.start();
        LOG.infof("member %s (%s) joining group %s on %d shard(s) of %s", member, url, settings.groupId(), shards, settings.topic());
    }

    @Override
    public void leave() {
        stop(true);
    }

    /**
     * Stops without releasing anything or leaving the group, as a process that dies does: the group
     * moves the shards only after the session timeout. For failover tests.
     */
    void halt() {
        stop(false);
    }

    private void stop(boolean gracefully) {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            thread = null;
        }
        membership.stop(gracefully);
        try {
            t.join(settings.sessionTimeout().plus(settings.claimTimeout()).multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> consumerConfig() {
        return ClientConfigs.of(kafka, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "shard-membership-" + member,
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }
}

package io.brokergate.messaging.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster-mode Kafka settings ({@code brokergate.kafka.*}). Connection and security are Quarkus's
 * {@code kafka.*} properties (env {@code KAFKA_BOOTSTRAP_SERVERS}, ...), shared by every client.
 * The topics' defaults are in this module's {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "brokergate.kafka")
public interface KafkaSettings {

    /** Cluster mode: topics are created at startup and shard ownership goes through Kafka. The {@code cluster} profile sets it. */
    @WithDefault("false")
    boolean enabled();

    /** Create missing topics at startup (off where the service account may not create topics). */
    @WithDefault("true")
    boolean createTopics();

    /** How long startup waits for Kafka to describe or create the topics. */
    @WithDefault("30s")
    Duration adminTimeout();

    /** The topics by name: market-data, order-events, subscription-intents, account-shards. */
    Map<String, Topic> topics();

    Shards shards();

    interface Topic {

        @WithDefault("12")
        int partitions();

        /** Unset: the broker's {@code default.replication.factor}. */
        Optional<Short> replicationFactor();

        /** {@code delete} or {@code compact}. */
        @WithDefault("delete")
        String cleanupPolicy();

        /** {@code retention.ms}; unset: the broker's default. */
        Optional<Duration> retention();

        /** Any other topic config ({@code min.insync.replicas}, {@code segment.ms}, ...). */
        Map<String, String> configs();
    }

    /** Shard ownership: the consumer group on the partitions of {@link #topic()}. */
    interface Shards {

        @WithDefault("account-shards")
        String topic();

        @WithDefault("brokergate-stream-owners")
        String groupId();

        /** A member silent for this long is removed and its shards move: the failover bound after a crash. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** How often members heartbeat; also how soon the others learn that a stopping pod left. */
        @WithDefault("1s")
        Duration heartbeatInterval();

        /** How long writing an ownership claim may take before it is retried. */
        @WithDefault("5s")
        Duration claimTimeout();

        /** This process's name in claims and client ids; default {@code HOSTNAME} (the pod name), else random. */
        Optional<String> memberId();

        /**
         * This pod's internal base URL, written into its claims so that trade- and quote-service pods can
         * send an account's broker calls to its owner ({@code AccountOwners}); default
         * {@code http://<this host's IP address>:<quarkus.http.port>}. The Helm chart sets it from the pod IP.
         */
        Optional<String> advertisedUrl();
    }
}

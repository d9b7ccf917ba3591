package io.brokergate.messaging.kafka.topics;

import io.brokergate.messaging.kafka.ClientConfigs;
import io.brokergate.messaging.kafka.KafkaSettings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * Creates the configured topics at startup in cluster mode, before the channels start: explicit
 * partitions, replication, cleanup policy and retention ({@link KafkaSettings#topics()}), never
 * the broker's auto-creation defaults. A topic that exists is left as it is (another pod created
 * it, or an operator tuned it); a partition count other than configured is logged, because it
 * moves keys between partitions.
 */
@ApplicationScoped
public class KafkaTopics {

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);

    private final KafkaSettings settings;
    private final Map<String, Object> kafka;

    public KafkaTopics(KafkaSettings settings, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.settings = settings;
        this.kafka = kafka;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (settings.enabled() && settings.createTopics()) {
            ensure(kafka, settings.topics(), settings.adminTimeout());
        }
    }

    /** Creates the topics that do not exist; fails (startup) when Kafka cannot be reached in time. */
    public static void ensure(Map<String, Object> kafka, Map<String, KafkaSettings.Topic> topics, Duration timeout) {
        long timeoutMs = timeout.toMillis();
        try (Admin admin = Admin.create(ClientConfigs.of(kafka, Map.of()))) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            topics.forEach((name, t) -> {
                if (!existing.contains(name)) {
                    missing.add(newTopic(name, t));
                }
            });
            create(admin, missing, timeoutMs);
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList(), timeoutMs);
            checkPartitions(admin, topics, existing, timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka topics could not be checked or created within " + timeout
                    + " (kafka.bootstrap.servers reachable?): " + e.getMessage(), e);
        }
    }

    private static void create(Admin admin, List<NewTopic> missing, long timeoutMs) throws InterruptedException, TimeoutException, ExecutionException {
        if (missing.isEmpty()) {
            return;
        }
        var results = admin.createTopics(missing).values();
        for (var r : results.entrySet()) {
            try {
                r.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
                LOG.infof("created Kafka topic %s", r.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another pod created it meanwhile.
            }
        }
    }

    /**
     * A created topic is usable once the brokers know a leader for each of its partitions; before
     * that, the first records of a producer can be refused (not the leader) and an idempotent
     * producer can then stall on its sequence numbers.
     */
    private static void awaitLeaders(Admin admin, List<String> created, long timeoutMs)
            throws InterruptedException, TimeoutException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!created.isEmpty()) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(created).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
                if (described.values().stream().allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the partitions of " + created + " have no leader yet");
            }
            Thread.sleep(100);
        }
    }

    private static void checkPartitions(Admin admin, Map<String, KafkaSettings.Topic> topics, Set<String> existing, long timeoutMs)
            throws InterruptedException, TimeoutException, ExecutionException {
        List<String> present = topics.keySet().stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
        described.forEach((name, d) -> {
            int configured = topics.get(name).partitions();
            if (d.partitions().size() != configured) {
                LOG.warnf("Kafka topic %s has %d partitions, configured %d: left as it is", name, d.partitions().size(), configured);
            }
        });
    }

    static NewTopic newTopic(String name, KafkaSettings.Topic t) {
        Map<String, String> configs = new HashMap<>(t.configs());
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanupPolicy());
        t.retention().ifPresent(r -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(r.toMillis())));
        return new NewTopic(name, Optional.of(t.partitions()), t.replicationFactor()).configs(configs);
    }
}

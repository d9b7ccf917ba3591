package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.kafka.KafkaSettings;
import io.brokergate.messaging.shards.ShardAssignment;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The {@link ShardAssignment} of cluster mode ({@code brokergate.kafka.enabled}); absent otherwise. */
@ApplicationScoped
public class KafkaShards {

    @Produces
    @ApplicationScoped
    @LookupIfProperty(name = "brokergate.kafka.enabled", stringValue = "true")
    ShardAssignment shardAssignment(KafkaSettings settings, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        String member = settings.shards().memberId().filter(m -> !m.isBlank()).orElseGet(KafkaShards::defaultMember);
        return new KafkaShardAssignment(kafka, settings.shards(), member, Clock.systemUTC());
    }

    /** Kubernetes sets HOSTNAME to the pod name; elsewhere a name unique to this run. */
    private static String defaultMember() {
        String host = System.getenv("HOSTNAME");
        return host != null && !host.isBlank() ? host : "member-" + UUID.randomUUID();
    }
}

package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.kafka.KafkaSettings;
import io.brokergate.messaging.shards.AccountOwners;
import io.brokergate.messaging.shards.ShardAssignment;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link ShardAssignment} (stream pods) and {@link AccountOwners} (trade and quote pods) of
 * cluster mode ({@code brokergate.kafka.enabled}); absent otherwise. Both are created when first looked
 * up: a pod that never asks for one has no Kafka client for it.
 */
@ApplicationScoped
public class KafkaShards {

    @Produces
    @ApplicationScoped
    @LookupIfProperty(name = "brokergate.kafka.enabled", stringValue = "true")
    ShardAssignment shardAssignment(KafkaSettings settings, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                                    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        String url = settings.shards().advertisedUrl().filter(u -> !u.isBlank()).orElseGet(() -> defaultUrl(httpPort));
        return new KafkaShardAssignment(kafka, settings.shards(), member(settings), url, Clock.systemUTC());
    }

    /** A singleton, not a proxy: whoever looks it up starts reading the claims right then. */
    @Produces
    @Singleton
    @LookupIfProperty(name = "brokergate.kafka.enabled", stringValue = "true")
    AccountOwners accountOwners(KafkaSettings settings, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new ShardOwners(kafka, settings.shards().topic(), "shard-owners-" + member(settings)).start();
    }

    void close(@Disposes AccountOwners owners) {
        if (owners instanceof ShardOwners reader) {
            reader.close();
        }
    }

    private static String member(KafkaSettings settings) {
        return settings.shards().memberId().filter(m -> !m.isBlank()).orElseGet(KafkaShards::defaultMember);
    }

    /** Kubernetes sets HOSTNAME to the pod name; elsewhere a name unique to this run. */
    private static String defaultMember() {
        String host = System.getenv("HOSTNAME");
        return host != null && !host.isBlank() ? host : "member-" + UUID.randomUUID();
    }

    /** {@code http://<this host's address>:<port>}: a pod's IP, reachable from the other pods. */
    static String defaultUrl(int httpPort) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            host = name != null && !name.isBlank() ? name : "localhost";
        }
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + httpPort;
    }
}

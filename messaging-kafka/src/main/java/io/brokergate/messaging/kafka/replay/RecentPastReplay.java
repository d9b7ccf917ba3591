package io.brokergate.messaging.kafka.replay;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts a consumer's partitions at the records of the recent past ({@code brokergate.kafka.replay-window},
 * default 10 min) instead of "from now on". A pod that consumes in a group of its own per start (every
 * stream pod reads every order event) then starts with the state and history its clients already saw:
 * it can resume a client that comes over from another pod, and it recognises a new socket owner's
 * restatement of earlier orders. Used with {@code consumer-rebalance-listener.name=brokergate-recent-past}.
 */
@ApplicationScoped
@Identifier(RecentPastReplay.NAME)
public class RecentPastReplay implements KafkaConsumerRebalanceListener {

    public static final String NAME = "brokergate-recent-past";
    private static final Logger LOG = Logger.getLogger(RecentPastReplay.class);

    private final Duration window;

    public RecentPastReplay(@ConfigProperty(name = "brokergate.kafka.replay-window", defaultValue = "10m") Duration window) {
        this.window = window;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long since = System.currentTimeMillis() - window.toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            consumer.seek(p, at == null ? ends.get(p) : at.offset()); // nothing that recent: from now on
        }
        LOG.infof("%d partition(s) of %s start at the records of the last %s", partitions.size(),
                partitions.iterator().next().topic(), window);
    }
}

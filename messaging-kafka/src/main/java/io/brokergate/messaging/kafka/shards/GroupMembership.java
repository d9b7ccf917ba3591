package io.brokergate.messaging.kafka.shards;

import io.brokergate.messaging.kafka.KafkaSettings;
import io.brokergate.messaging.shards.ShardAssignment.Listener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The membership loop of one process, on its own thread (the consumer, the claims and every
 * listener call stay on it): polls so the group keeps the member, turns assigned partitions into
 * claimed shards, revoked or lost ones into released shards, and fences itself when the
 * coordinator stops answering.
 */
final class GroupMembership implements ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(GroupMembership.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Responses from the group coordinator: any of them shows that the group still counts this member. */
    private static final Set<String> COORDINATOR_RESPONSES = Set.of("heartbeat-total", "join-total", "sync-total");

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ShardClaims claims;
    private final Listener listener;
    private final KafkaSettings.Shards settings;
    /** Claimed shards and their epochs. */
    private final Map<Integer, Long> held = new HashMap<>();
    /** Assigned, not claimed yet (a failed claim is retried on the next turn). */
    private final Set<Integer> pending = new TreeSet<>();
    private final List<Metric> responseCounters = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean halted;
    private double responses = -1;
    private long lastResponseNanos = System.nanoTime();

    GroupMembership(KafkaConsumer<byte[], byte[]> consumer, ShardClaims claims, Listener listener, KafkaSettings.Shards settings) {
        this.consumer = consumer;
        this.claims = claims;
        this.listener = listener;
        this.settings = settings;
    }

    void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), this);
            while (!stopping) {
                turn();
            }
            consumer.close(halted
                    ? CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(Duration.ZERO)
                    : CloseOptions.timeout(settings.sessionTimeout())); // revokes through this listener, then leaves
        } catch (RuntimeException e) {
            LOG.errorf(e, "shard membership ended");
        } finally {
            if (!halted) {
                release(Set.copyOf(held.keySet()), "membership ended");
            }
            claims.close();
        }
    }

    /** Ends the loop: gracefully (release, leave the group) or as a crash would (nothing released, still a member). */
    void stop(boolean gracefully) {
        halted = !gracefully;
        stopping = true;
        consumer.wakeup();
    }

    private void turn() {
        try {
            consumer.poll(POLL); // nothing to read (partitions are paused): keeps the membership and runs rebalances
            claimPending();
            fenceIfUnanswered();
        } catch (WakeupException e) {
            // stop() was called
        } catch (KafkaException e) {
            LOG.warnf("shard membership: %s", e.getMessage());
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (halted) {
            return;
        }
        consumer.pause(partitions);
        partitions.forEach(p -> pending.add(p.partition()));
        lastResponseNanos = System.nanoTime();
        claimPending();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        release(shards(partitions), "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        release(shards(partitions), "lost (the group moved on without this member)");
    }

    private void claimPending() {
        if (pending.isEmpty() || stopping) {
            return;
        }
        Map<Integer, Long> epochs;
        try {
            epochs = claims.claim(Set.copyOf(pending));
        } catch (KafkaException e) {
            LOG.warnf("claiming shards %s failed (%s); retrying", pending, e.getMessage());
            return;
        }
        pending.clear();
        held.putAll(epochs);
        LOG.infof("holding shards %s (epochs %s)", new TreeSet<>(epochs.keySet()), epochs);
        try {
            listener.onAssigned(Map.copyOf(epochs));
        } catch (RuntimeException e) {
            LOG.errorf(e, "the listener failed on assigned shards %s", epochs.keySet());
        }
    }

    private void release(Set<Integer> shards, String why) {
        if (halted) {
            return;
        }
        pending.removeAll(shards);
        Set<Integer> gone = new TreeSet<>(shards);
        gone.retainAll(held.keySet());
        if (gone.isEmpty()) {
            return;
        }
        held.keySet().removeAll(gone);
        LOG.infof("releasing shards %s: %s", gone, why);
        try {
            listener.onRevoked(Set.copyOf(gone));
        } catch (RuntimeException e) {
            LOG.errorf(e, "the listener failed on released shards %s", gone);
        }
    }

    /**
     * A member without an answer from the coordinator for a session timeout is out of the group, or
     * about to be, and its shards about to move: release them now, then rejoin from scratch.
     */
    private void fenceIfUnanswered() {
        double now = coordinatorResponses();
        if (now != responses) {
            responses = now;
            lastResponseNanos = System.nanoTime();
            return;
        }
        if (held.isEmpty() || System.nanoTime() - lastResponseNanos < settings.sessionTimeout().toNanos()) {
            return;
        }
        LOG.warnf("no answer from the group coordinator for %s: releasing shards before they are reassigned", settings.sessionTimeout());
        release(Set.copyOf(held.keySet()), "fenced");
        consumer.unsubscribe();
        consumer.subscribe(List.of(settings.topic()), this);
        lastResponseNanos = System.nanoTime();
    }

    private double coordinatorResponses() {
        if (responseCounters.isEmpty()) {
            consumer.metrics().forEach((name, metric) -> {
                if (name.group().equals("consumer-coordinator-metrics") && COORDINATOR_RESPONSES.contains(name.name())) {
                    responseCounters.add(metric);
                }
            });
        }
        double sum = 0;
        for (Metric m : responseCounters) {
            sum += ((Number) m.metricValue()).doubleValue();
        }
        return sum;
    }

    private static Set<Integer> shards(Collection<TopicPartition> partitions) {
        Set<Integer> s = new TreeSet<>();
        partitions.forEach(p -> s.add(p.partition()));
        return s;
    }
}

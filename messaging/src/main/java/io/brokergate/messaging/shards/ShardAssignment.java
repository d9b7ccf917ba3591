package io.brokergate.messaging.shards;

import java.util.Map;
import java.util.Set;

/**
 * Exclusive, cluster-wide assignment of shards to the processes of a group (in cluster mode: the
 * partitions of a Kafka topic, assigned by its consumer group; {@code messaging-kafka}). Keys hash
 * onto shards; a shard is assigned to at most one live process at a time, and each assignment
 * carries an epoch larger than that of every earlier assignment of the shard, in any process, so
 * that what a previous holder published can be told apart and dropped.
 *
 * <p>Without an implementation (all-in-one) a single process holds everything and nothing here is used.
 */
public interface ShardAssignment {

    /** The shard a key belongs to; stable while the number of shards is. Valid once joined. */
    int shardOf(String key);

    /** Joins the group; assignments arrive on the listener, from one thread, never concurrently. */
    void join(Listener listener);

    /** Releases every held shard (a final {@link Listener#onRevoked}, finished before this returns) and leaves the group. */
    void leave();

    interface Listener {

        /** Shards now held by this process, each with the epoch of this assignment. */
        void onAssigned(Map<Integer, Long> epochs);

        /**
         * Shards no longer held by this process (moved, lost, or left). Returns once what the
         * process held for them is released: only then can another process be assigned them.
         */
        void onRevoked(Set<Integer> shards);
    }
}

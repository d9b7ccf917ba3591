package io.brokergate.stream.ownership;

import io.brokergate.messaging.shards.ShardAssignment;
import io.brokergate.stream.upstream.UpstreamAccount;
import io.brokergate.stream.upstream.UpstreamAccounts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Cluster ownership: accounts hash onto the shards of a {@link ShardAssignment} (in cluster mode the
 * partitions of {@code account-shards}, assigned by Kafka's consumer group), and this pod owns the
 * accounts of the shards assigned to it, each with its shard's epoch. A revoke returns only after
 * the listener has closed the sockets, which is before the group can hand the shard to another pod.
 * The accounts are those of {@link UpstreamAccounts}, the same list in every pod, read at each assignment.
 */
public class ShardedAccountOwnership implements AccountOwnership, ShardAssignment.Listener {

    private static final Logger LOG = Logger.getLogger(ShardedAccountOwnership.class);

    private final ShardAssignment shards;
    private final UpstreamAccounts accounts;
    /** Owned account ids by shard; touched only from the assignment's thread and in stop(). */
    private final Map<Integer, Set<String>> owned = new HashMap<>();
    private Listener listener;

    public ShardedAccountOwnership(ShardAssignment shards, UpstreamAccounts accounts) {
        this.shards = shards;
        this.accounts = accounts;
    }

    @Override
    public synchronized void start(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException("ownership already started");
        }
        listener = newListener;
        shards.join(this);
    }

    /** Leaves the group: the assignment revokes every shard (closing their sockets) before it returns. */
    @Override
    public void stop() {
        shards.leave();
    }

    @Override
    public boolean othersMayOwn() {
        return true;
    }

    @Override
    public void onAssigned(Map<Integer, Long> epochs) {
        Set<OwnedAccount> assigned = new LinkedHashSet<>();
        for (UpstreamAccount a : accounts.owned()) {
            int shard = shards.shardOf(a.account().id());
            Long epoch = epochs.get(shard);
            if (epoch != null) {
                assigned.add(new OwnedAccount(a, epoch));
                owned.computeIfAbsent(shard, s -> new HashSet<>()).add(a.account().id());
            }
        }
        LOG.infof("shards %s assigned: %d account(s) to open", epochs.keySet(), assigned.size());
        if (!assigned.isEmpty()) {
            listener.onAssigned(assigned);
        }
    }

    @Override
    public void onRevoked(Set<Integer> revoked) {
        Set<String> ids = new LinkedHashSet<>();
        revoked.forEach(shard -> {
            Set<String> gone = owned.remove(shard);
            if (gone != null) {
                ids.addAll(gone);
            }
        });
        LOG.infof("shards %s revoked: closing %d account(s)", revoked, ids.size());
        if (!ids.isEmpty()) {
            listener.onRevoked(ids);
        }
    }
}

package io.brokergate.stream.ownership;

import io.brokergate.messaging.shards.ShardAssignment;
import io.brokergate.stream.upstream.UpstreamAccount;
import io.brokergate.stream.upstream.UpstreamAccounts;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Cluster ownership: accounts hash onto the shards of a {@link ShardAssignment} (in cluster mode the
 * partitions of {@code account-shards}, assigned by Kafka's consumer group), and this pod owns the
 * accounts of the shards assigned to it, each with its shard's epoch. A revoke returns only after
 * the listener has closed the sockets, which is before the group can hand the shard to another pod.
 * The accounts are those of {@link UpstreamAccounts}, the same list in every pod, read at each
 * assignment and again whenever the list changes (an account linked later opens on its shard's owner).
 */
public class ShardedAccountOwnership implements AccountOwnership, ShardAssignment.Listener {

    private static final Logger LOG = Logger.getLogger(ShardedAccountOwnership.class);

    private final ShardAssignment shards;
    private final UpstreamAccounts accounts;
    /** Epochs of the shards held here, and the accounts opened on them; guarded by this. */
    private final Map<Integer, Long> epochs = new HashMap<>();
    private final AccountChanges held = new AccountChanges();
    /** List changes arrive on event loops; reconciling may wait for sockets to close, so it runs here. */
    private final ExecutorService reconciler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "account-ownership-reconcile");
        t.setDaemon(true);
        return t;
    });
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
        accounts.onChange(() -> reconciler.execute(this::reconcile));
        shards.join(this);
    }

    /** Leaves the group: the assignment revokes every shard (closing their sockets) before it returns. */
    @Override
    public void stop() {
        reconciler.shutdownNow();
        shards.leave();
    }

    @Override
    public boolean othersMayOwn() {
        return true;
    }

    @Override
    public synchronized void onAssigned(Map<Integer, Long> assignedEpochs) {
        Set<OwnedAccount> assigned = new LinkedHashSet<>();
        for (UpstreamAccount a : accounts.owned()) {
            Long epoch = assignedEpochs.get(shards.shardOf(a.account().id()));
            if (epoch != null) {
                assigned.add(new OwnedAccount(a, epoch));
            }
        }
        epochs.putAll(assignedEpochs);
        held.held(assigned);
        LOG.infof("shards %s assigned: %d account(s) to open", assignedEpochs.keySet(), assigned.size());
        if (!assigned.isEmpty()) {
            listener.onAssigned(assigned);
        }
    }

    @Override
    public synchronized void onRevoked(Set<Integer> revoked) {
        revoked.forEach(epochs::remove);
        Set<String> ids = held.release(a -> revoked.contains(shards.shardOf(a.accountId())));
        LOG.infof("shards %s revoked: closing %d account(s)", revoked, ids.size());
        if (!ids.isEmpty()) {
            listener.onRevoked(ids);
        }
    }

    /** The account list changed: open the new accounts of the shards held here, close those gone. */
    synchronized void reconcile() {
        if (epochs.isEmpty()) {
            return;
        }
        AccountChanges.Delta delta = held.reconcile(accounts.owned(),
                id -> epochs.getOrDefault(shards.shardOf(id), -1L));
        if (delta.isEmpty()) {
            return;
        }
        LOG.infof("account list changed: closing %d, opening %d account(s)", delta.revoked().size(), delta.assigned().size());
        if (!delta.revoked().isEmpty()) {
            listener.onRevoked(delta.revoked());
        }
        if (!delta.assigned().isEmpty()) {
            listener.onAssigned(delta.assigned());
        }
    }
}

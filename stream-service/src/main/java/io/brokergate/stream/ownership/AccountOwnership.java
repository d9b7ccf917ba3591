package io.brokergate.stream.ownership;

import java.util.Set;

/**
 * Decides which broker accounts this pod holds the one upstream socket for, with the semantics of
 * Kafka partition assignment: accounts are assigned (open the session, reconcile, publish) and
 * revoked (stop publishing, close the session); an account is never owned by two pods at once, and
 * each assignment carries a larger epoch than any earlier assignment of the same account.
 * {@link LocalAccountOwnership} owns everything; {@link ShardedAccountOwnership} follows the
 * cluster's shard assignment (Kafka's consumer group on {@code account-shards}).
 */
public interface AccountOwnership {

    /** Starts taking part in the assignment; callbacks may arrive on any thread, never concurrently. */
    void start(Listener listener);

    /** Gives up every owned account (one final {@link Listener#onRevoked}) and stops. */
    void stop();

    /**
     * Whether an account this pod does not own may be owned by another pod. False for the local
     * implementation, which owns every account there is: an account it does not own has no socket anywhere.
     */
    default boolean othersMayOwn() {
        return false;
    }

    interface Listener {

        void onAssigned(Set<OwnedAccount> assigned);

        /** Stops publishing for the accounts and closes their sockets; returns once they are closed (or a bounded wait ran out). */
        void onRevoked(Set<String> accountIds);
    }
}

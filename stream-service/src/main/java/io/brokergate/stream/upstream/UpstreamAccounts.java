package io.brokergate.stream.upstream;

import java.util.List;

/**
 * The accounts whose broker sockets the deployment holds, with their credentials. Which pod holds
 * each is {@code AccountOwnership}'s decision: all of them here (all-in-one, from auth-service's
 * store; a single pod), or those of the pod's shards in a cluster, where every pod lists the same
 * accounts (standalone: {@link ConfiguredAccounts}).
 */
public interface UpstreamAccounts {

    List<UpstreamAccount> owned();

    /** Runs the listener (on any thread, briefly) whenever the list changed, so ownership can open or close accounts. */
    default void onChange(Runnable listener) {
    }
}

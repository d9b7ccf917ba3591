package io.brokergate.stream.ownership;

import io.brokergate.stream.upstream.UpstreamAccounts;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Single-process ownership (all-in-one, tests, a one-pod deployment): at start every account of
 * {@link UpstreamAccounts} is assigned to this pod. The epoch is the assignment time in
 * milliseconds, so it grows across restarts without any stored state (and stays comparable with
 * the cluster's claim epochs, which are at least the claim time in milliseconds).
 */
public class LocalAccountOwnership implements AccountOwnership {

    private static final Logger LOG = Logger.getLogger(LocalAccountOwnership.class);

    private final UpstreamAccounts accounts;
    private Listener listener;
    private Set<String> assigned = Set.of();

    public LocalAccountOwnership(UpstreamAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void start(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException("ownership already started");
        }
        listener = newListener;
        long epoch = System.currentTimeMillis();
        Set<OwnedAccount> owned = accounts.owned().stream()
                .map(a -> new OwnedAccount(a, epoch))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assigned = owned.stream().map(OwnedAccount::accountId).collect(Collectors.toUnmodifiableSet());
        LOG.infof("assigned %d account(s) locally, epoch %d", owned.size(), epoch);
        listener.onAssigned(owned);
    }

    @Override
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        Listener l = listener;
        listener = null;
        Set<String> revoked = assigned;
        assigned = Set.of();
        l.onRevoked(revoked);
    }
}

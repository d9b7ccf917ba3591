package io.brokergate.stream.ownership;

import io.brokergate.stream.upstream.UpstreamAccounts;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Single-process ownership (all-in-one, tests, a one-pod deployment): at start every account of
 * {@link UpstreamAccounts} is assigned to this pod, and an account added to the list later is
 * assigned when it appears. The epoch is the assignment time in milliseconds, so it grows across
 * restarts without any stored state (and stays comparable with the cluster's claim epochs, which are
 * at least the claim time in milliseconds).
 */
public class LocalAccountOwnership implements AccountOwnership {

    private static final Logger LOG = Logger.getLogger(LocalAccountOwnership.class);

    private final UpstreamAccounts accounts;
    private final AccountChanges held = new AccountChanges();
    private final ExecutorService reconciler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "account-ownership-reconcile");
        t.setDaemon(true);
        return t;
    });
    private Listener listener;
    private long epoch;

    public LocalAccountOwnership(UpstreamAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void start(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException("ownership already started");
        }
        listener = newListener;
        epoch = System.currentTimeMillis();
        accounts.onChange(() -> reconciler.execute(this::reconcile));
        AccountChanges.Delta delta = held.reconcile(accounts.owned(), id -> epoch);
        LOG.infof("assigned %d account(s) locally, epoch %d", delta.assigned().size(), epoch);
        listener.onAssigned(delta.assigned());
    }

    @Override
    public synchronized void stop() {
        reconciler.shutdownNow();
        if (listener == null) {
            return;
        }
        Listener l = listener;
        listener = null;
        l.onRevoked(held.release(a -> true));
    }

    /** The account list changed: opens the accounts added, closes those removed. */
    synchronized void reconcile() {
        if (listener == null) {
            return;
        }
        epoch = Math.max(epoch + 1, System.currentTimeMillis()); // a fresh sequence for whatever opens now
        AccountChanges.Delta delta = held.reconcile(accounts.owned(), id -> epoch);
        if (!delta.revoked().isEmpty()) {
            LOG.infof("account list changed: closing %d account(s)", delta.revoked().size());
            listener.onRevoked(delta.revoked());
        }
        if (!delta.assigned().isEmpty()) {
            LOG.infof("account list changed: opening %d account(s)", delta.assigned().size());
            listener.onAssigned(delta.assigned());
        }
    }
}

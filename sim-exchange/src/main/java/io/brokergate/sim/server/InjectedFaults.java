package io.brokergate.sim.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults the admin API switches on so that gateway tests can see how clients cope: extra latency on
 * every REST and socket response, and pushes that are dropped (not queued) while paused, which is
 * what a lost push looks like to a client.
 */
public final class InjectedFaults {

    private volatile long latencyMillis;
    private volatile boolean allPushesPaused;
    private final Set<String> pausedAccounts = ConcurrentHashMap.newKeySet();

    public long latencyMillis() {
        return latencyMillis;
    }

    /** 0 clears. */
    public void latencyMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latencyMillis = millis;
    }

    /** @param accountNo one account, or null for every account */
    public void pausePushes(String accountNo) {
        if (accountNo == null) {
            allPushesPaused = true;
        } else {
            pausedAccounts.add(accountNo);
        }
    }

    /** @param accountNo one account, or null to resume all (and forget per-account pauses) */
    public void resumePushes(String accountNo) {
        if (accountNo == null) {
            allPushesPaused = false;
            pausedAccounts.clear();
        } else {
            pausedAccounts.remove(accountNo);
        }
    }

    public boolean pushesPaused(String accountNo) {
        return allPushesPaused || (accountNo != null && pausedAccounts.contains(accountNo));
    }

    public boolean allPushesPaused() {
        return allPushesPaused;
    }

    public Set<String> pausedAccounts() {
        return Set.copyOf(pausedAccounts);
    }
}

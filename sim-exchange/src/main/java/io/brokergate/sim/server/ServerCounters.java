package io.brokergate.sim.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AccountCounters} for every account that has been seen. */
public final class ServerCounters {

    private final Map<String, AccountCounters> byAccount = new ConcurrentHashMap<>();

    public AccountCounters of(String accountNo) {
        return byAccount.computeIfAbsent(accountNo, k -> new AccountCounters());
    }

    /** Snapshots ordered by account number. */
    public Map<String, AccountStats> snapshot() {
        Map<String, AccountStats> out = new TreeMap<>();
        byAccount.forEach((accountNo, counters) -> out.put(accountNo, counters.snapshot(accountNo)));
        return out;
    }
}

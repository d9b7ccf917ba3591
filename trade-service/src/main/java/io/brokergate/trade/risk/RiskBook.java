package io.brokergate.trade.risk;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This pod's copy of every tenant's limits and kill switches, and its order counters: what
 * admit() reads instead of the database. {@link RiskSync} fills it at start, after every admin
 * change and periodically (changes made through other pods), and writes the daily counts back.
 */
@ApplicationScoped
public class RiskBook {

    private final ConcurrentHashMap<String, TenantRisk> tenants = new ConcurrentHashMap<>();
    /** Daily counts as of the last read from the database; a scope's first order of a day starts from here. */
    private volatile Map<DailyCountKey, Long> dailyTotals = Map.of();

    /** Null when nothing was ever configured for the tenant: admit() has nothing to check. */
    TenantRisk tenant(String tenantId) {
        return tenants.get(tenantId);
    }

    /** Replaces all limits and switches; tenants missing from the lists have none any more. */
    synchronized void replace(Collection<ScopeLimits> limits, Collection<KillSwitch> switches) {
        Map<String, TenantLimitsBuilder> byTenant = new HashMap<>();
        for (ScopeLimits l : limits) {
            byTenant.computeIfAbsent(l.tenantId(), t -> new TenantLimitsBuilder()).add(l);
        }
        for (KillSwitch s : switches) {
            byTenant.computeIfAbsent(s.tenantId(), t -> new TenantLimitsBuilder()).add(s);
        }
        tenants.forEach((id, risk) -> {
            if (!byTenant.containsKey(id)) {
                risk.limits(TenantLimits.NONE);
            }
        });
        byTenant.forEach((id, b) -> tenants.computeIfAbsent(id, TenantRisk::new).limits(b.build()));
    }

    long knownDailyCount(DailyCountKey key) {
        Long n = dailyTotals.get(key);
        return n == null ? 0 : n;
    }

    List<PendingCount> drainDailyCounts() {
        List<PendingCount> out = new ArrayList<>();
        tenants.values().forEach(t -> out.addAll(t.drain()));
        return out;
    }

    void restoreDailyCounts(List<PendingCount> failed) {
        for (PendingCount p : failed) {
            tenants.computeIfAbsent(p.key().tenantId(), TenantRisk::new).restore(List.of(p));
        }
    }

    /** Takes the database's daily totals (all pods' written orders) as the new baseline. */
    void mergeDailyCounts(Map<DailyCountKey, Long> totals) {
        dailyTotals = Map.copyOf(totals);
        tenants.values().forEach(t -> t.merge(dailyTotals));
    }

    private static final class TenantLimitsBuilder {
        private ScopeLimits tenant;
        private final Map<String, ScopeLimits> accounts = new HashMap<>();
        private final Map<String, ScopeLimits> apiKeys = new HashMap<>();
        private KillSwitch tenantSwitch;
        private final Map<String, KillSwitch> accountSwitches = new HashMap<>();

        void add(ScopeLimits l) {
            switch (l.scope()) {
                case TENANT -> tenant = l;
                case ACCOUNT -> accounts.put(l.scopeId(), l);
                case API_KEY -> apiKeys.put(l.scopeId(), l);
            }
        }

        void add(KillSwitch s) {
            if (s.accountId() == null) {
                tenantSwitch = s;
            } else {
                accountSwitches.put(s.accountId(), s);
            }
        }

        TenantLimits build() {
            return new TenantLimits(tenant, accounts, apiKeys, tenantSwitch, accountSwitches);
        }
    }
}

package io.brokergate.trade.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * One tenant on this pod: its limits snapshot (read without locks) and the counters of its scopes.
 * Counting takes the tenant's monitor for a few hundred nanoseconds, so that checking and counting
 * the tenant, account and API-key limits of one order is a single atomic step: two concurrent
 * orders can never both take the last slot, and an order refused by one scope takes no slot from
 * another. One lock per tenant rather than per scope because one order touches up to three scopes.
 */
final class TenantRisk {

    private final String tenantId;
    private volatile TenantLimits limits = TenantLimits.NONE;

    // guarded by this
    private ScopeCounters tenantCounters;
    private final Map<String, ScopeCounters> accountCounters = new HashMap<>();
    private final Map<String, ScopeCounters> keyCounters = new HashMap<>();
    private final List<PendingCount> carried = new ArrayList<>();

    TenantRisk(String tenantId) {
        this.tenantId = tenantId;
    }

    TenantLimits limits() {
        return limits;
    }

    void limits(TenantLimits limits) {
        this.limits = limits;
    }

    /**
     * Checks the daily and rate limits of the scopes that count (null scopes are skipped) and, when
     * all pass, counts the order in each.
     *
     * @param known orders of a day already written to the database (for a scope's first order of a day)
     */
    synchronized void count(ScopeLimits tenant, ScopeLimits account, ScopeLimits key, Instant now,
                            ToLongFunction<DailyCountKey> known) {
        ScopeCounters t = counters(tenant);
        ScopeCounters a = counters(account);
        ScopeCounters k = counters(key);
        checkDaily(tenant, t, now, known);
        checkDaily(account, a, now, known);
        checkDaily(key, k, now, known);
        long nowMillis = now.toEpochMilli();
        long wait = 0;
        ScopeLimits limiting = null;
        long w;
        if ((w = waitMillis(tenant, t, nowMillis)) > wait) {
            wait = w;
            limiting = tenant;
        }
        if ((w = waitMillis(account, a, nowMillis)) > wait) {
            wait = w;
            limiting = account;
        }
        if ((w = waitMillis(key, k, nowMillis)) > wait) {
            wait = w;
            limiting = key;
        }
        if (limiting != null) {
            // the longest wait: retrying earlier would only meet another scope's limit
            throw RiskRejections.rateLimited(limiting.scope(), limiting.limits().orderRate(), wait);
        }
        record(tenant, t, nowMillis);
        record(account, a, nowMillis);
        record(key, k, nowMillis);
    }

    private ScopeCounters counters(ScopeLimits scoped) {
        if (scoped == null || !scoped.limits().counts()) {
            return null;
        }
        return switch (scoped.scope()) {
            case TENANT -> tenantCounters != null ? tenantCounters : (tenantCounters = new ScopeCounters(RiskScope.TENANT, null));
            case ACCOUNT -> counters(accountCounters, RiskScope.ACCOUNT, scoped.scopeId());
            case API_KEY -> counters(keyCounters, RiskScope.API_KEY, scoped.scopeId());
        };
    }

    private static ScopeCounters counters(Map<String, ScopeCounters> byId, RiskScope scope, String id) {
        ScopeCounters c = byId.get(id);
        if (c == null) {
            c = new ScopeCounters(scope, id);
            byId.put(id, c);
        }
        return c;
    }

    private void checkDaily(ScopeLimits scoped, ScopeCounters c, Instant now, ToLongFunction<DailyCountKey> known) {
        DailyOrders daily = c == null ? null : scoped.limits().dailyOrders();
        if (daily == null) {
            return;
        }
        long today = daily.epochDay(now);
        // Days only move forward: an order that read the clock just before midnight but reaches the lock after
        // another one started the new day is counted in the new day, instead of resetting the count to a day that
        // is over (stricter, never looser).
        if (today > c.daily.day()) {
            long previousDay = c.daily.day();
            long unwritten = c.daily.rollTo(today, known.applyAsLong(key(c, today)));
            if (unwritten > 0) {
                carried.add(new PendingCount(key(c, previousDay), unwritten));
            }
        }
        if (c.daily.count() >= daily.limit()) {
            throw RiskRejections.rejected("daily_orders", scoped.scope(), c.daily.count() + " orders today reached the limit of "
                    + daily.limit() + " (the count restarts at 00:00 " + daily.zone().getId() + ")");
        }
    }

    private static long waitMillis(ScopeLimits scoped, ScopeCounters c, long nowMillis) {
        OrderRate rate = c == null ? null : scoped.limits().orderRate();
        return rate == null ? 0 : c.rate.waitMillis(rate, nowMillis);
    }

    private static void record(ScopeLimits scoped, ScopeCounters c, long nowMillis) {
        if (c == null) {
            return;
        }
        if (scoped.limits().orderRate() != null) {
            c.rate.record(nowMillis);
        }
        if (scoped.limits().dailyOrders() != null) {
            c.daily.add();
        }
    }

    private DailyCountKey key(ScopeCounters c, long epochDay) {
        return new DailyCountKey(tenantId, c.scope, c.scopeId, epochDay);
    }

    /** Takes every count not yet written, for the writer. */
    synchronized List<PendingCount> drain() {
        List<PendingCount> out = new ArrayList<>(carried);
        carried.clear();
        forEach(c -> {
            long orders = c.daily.drain();
            if (orders > 0) {
                out.add(new PendingCount(key(c, c.daily.day()), orders));
            }
        });
        return out;
    }

    /** Gives back counts whose write failed; they go out with the next drain. */
    synchronized void restore(List<PendingCount> failed) {
        carried.addAll(failed);
    }

    /** Raises each current day's count to the database total (other pods' orders) plus this pod's unwritten ones. */
    synchronized void merge(Map<DailyCountKey, Long> totals) {
        forEach(c -> {
            if (c.daily.day() != DailyOrderCount.NO_DAY) {
                Long total = totals.get(key(c, c.daily.day()));
                if (total != null) {
                    c.daily.merge(total);
                }
            }
        });
    }

    private void forEach(Consumer<ScopeCounters> action) {
        if (tenantCounters != null) {
            action.accept(tenantCounters);
        }
        accountCounters.values().forEach(action);
        keyCounters.values().forEach(action);
    }
}

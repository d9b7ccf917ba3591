package io.brokergate.trade.risk;

/** The in-memory counters of one scope (tenant, account or API key) on this pod. */
final class ScopeCounters {

    final RiskScope scope;
    /** Null for the tenant scope. */
    final String scopeId;
    final OrderRateWindow rate = new OrderRateWindow();
    final DailyOrderCount daily = new DailyOrderCount();

    ScopeCounters(RiskScope scope, String scopeId) {
        this.scope = scope;
        this.scopeId = scopeId;
    }
}

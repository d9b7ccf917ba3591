package io.brokergate.trade.risk;

/**
 * One row of {@code risk_daily_counts}: a scope's orders on one local day.
 *
 * @param scopeId  account or API key id; null for the tenant scope
 * @param epochDay the day in the zone of the scope's daily limit, as days since 1970-01-01
 */
record DailyCountKey(String tenantId, RiskScope scope, String scopeId, long epochDay) {
}

package io.brokergate.trade.risk;

/** Orders counted in memory and not yet added to the database row of {@code key}. */
record PendingCount(DailyCountKey key, long orders) {
}

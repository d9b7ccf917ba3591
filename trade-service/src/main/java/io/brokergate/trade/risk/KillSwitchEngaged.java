package io.brokergate.trade.risk;

/**
 * CDI event fired (synchronously, after commit) when a kill switch is engaged; the order path
 * observes it and cancels all open orders in scope. accountId null = every account of the tenant.
 * Fired only on the pod that handled the admin call: every pod's order book sees every account's
 * orders, so one pod cancelling is enough; the other pods block new orders once they have synced.
 */
public record KillSwitchEngaged(String tenantId, String accountId, String engagedBy) {
}

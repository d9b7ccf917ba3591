package io.brokergate.trade.risk;

import java.time.Instant;

/**
 * A kill switch as the admin API shows it.
 *
 * @param scope     {@code tenant} (every account) or {@code account}
 * @param accountId null for the tenant-wide switch
 */
public record KillSwitchView(String scope, String accountId, boolean engaged, String reason, String engagedBy, Instant engagedAt) {

    static KillSwitchView engaged(KillSwitch s) {
        return new KillSwitchView(scopeOf(s.accountId()), s.accountId(), true, s.reason(), s.engagedBy(), s.engagedAt());
    }

    static KillSwitchView released(String accountId) {
        return new KillSwitchView(scopeOf(accountId), accountId, false, null, null, null);
    }

    private static String scopeOf(String accountId) {
        return (accountId == null ? RiskScope.TENANT : RiskScope.ACCOUNT).wireName();
    }
}

package io.brokergate.trade.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * An engaged kill switch: no new orders in its scope until released.
 *
 * @param accountId the account, or null for every account of the tenant
 * @param reason    free text from the administrator, or null
 */
public record KillSwitch(String tenantId, String accountId, String reason, String engagedBy, Instant engagedAt) {

    public KillSwitch {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(engagedBy, "engagedBy");
        Objects.requireNonNull(engagedAt, "engagedAt");
    }
}

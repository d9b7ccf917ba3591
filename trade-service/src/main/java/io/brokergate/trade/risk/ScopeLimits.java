package io.brokergate.trade.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored limits of one scope.
 *
 * @param scopeId the account id or API key id; null for the tenant scope
 */
public record ScopeLimits(String tenantId, RiskScope scope, String scopeId, RiskLimits limits, String updatedBy,
                          Instant updatedAt) {

    public ScopeLimits {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limits, "limits");
        if ((scope == RiskScope.TENANT) != (scopeId == null)) {
            throw new IllegalArgumentException("the tenant scope has no id; account and api_key scopes need one");
        }
    }
}

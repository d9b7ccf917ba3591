package io.brokergate.trade.risk;

import java.util.Map;

/**
 * Everything configured for one tenant, as an immutable snapshot: admit() reads it without locks,
 * and a change replaces the whole snapshot.
 *
 * @param tenant          tenant-wide limits, or null
 * @param tenantSwitch    tenant-wide kill switch, or null
 */
record TenantLimits(ScopeLimits tenant, Map<String, ScopeLimits> accounts, Map<String, ScopeLimits> apiKeys,
                    KillSwitch tenantSwitch, Map<String, KillSwitch> accountSwitches) {

    static final TenantLimits NONE = new TenantLimits(null, Map.of(), Map.of(), null, Map.of());

    TenantLimits {
        accounts = Map.copyOf(accounts);
        apiKeys = Map.copyOf(apiKeys);
        accountSwitches = Map.copyOf(accountSwitches);
    }

    /** The switch that stops the account: the tenant-wide one first, else the account's own; null when none. */
    KillSwitch switchFor(String accountId) {
        if (tenantSwitch != null) {
            return tenantSwitch;
        }
        return accountId == null ? null : accountSwitches.get(accountId);
    }

    ScopeLimits account(String accountId) {
        return accountId == null ? null : accounts.get(accountId);
    }

    ScopeLimits apiKey(String apiKeyId) {
        return apiKeyId == null ? null : apiKeys.get(apiKeyId);
    }
}

package io.brokergate.core.account;

import io.brokergate.core.capability.BrokerId;

/**
 * A trading account reachable through one broker connection.
 *
 * @param id              the gateway's account id (what clients use in URLs)
 * @param brokerAccountNo the broker's own account number
 */
public record Account(
        String id,
        String tenantId,
        String connectionId,
        BrokerId broker,
        String brokerAccountNo,
        String name,
        String currency,
        AccountKind kind) {
}

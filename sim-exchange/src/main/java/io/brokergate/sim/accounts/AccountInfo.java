package io.brokergate.sim.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A paper account as listed by the admin API. */
public record AccountInfo(String accountId, Map<String, BigDecimal> initialFunding, Instant createdAt) {
    public AccountInfo {
        initialFunding = Map.copyOf(initialFunding);
    }
}

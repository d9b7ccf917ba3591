package io.brokergate.trade.risk;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Optional;

/**
 * Test-only directory: {@code risk-a1}, {@code risk-a2} of {@code risk-tenant-a} and {@code risk-b1}
 * of {@code risk-tenant-b} (names of their own, so these tests never meet other tests' data in the
 * shared in-memory database). Enabled only by {@link RiskApiProfile}.
 */
@Alternative
@ApplicationScoped
public class RiskTestAccounts implements AccountDirectory {

    static final String TENANT_A = "risk-tenant-a";
    static final String TENANT_B = "risk-tenant-b";

    private final List<Account> accounts = List.of(account("risk-a1", TENANT_A), account("risk-a2", TENANT_A),
            account("risk-b1", TENANT_B));

    @Override
    public Optional<Account> find(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return accounts.stream().filter(a -> a.tenantId().equals(tenantId)).toList();
    }

    private static Account account(String id, String tenant) {
        return new Account(id, tenant, "conn-" + id, BrokerId.values()[0], "no-" + id, id, "HKD", AccountKind.PAPER);
    }
}

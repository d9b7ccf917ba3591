package io.brokergate.stream.fanout;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.account.AccountDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Optional;

/**
 * Test-only directory: {@code acc-a1}, {@code acc-a2} of tenant-a and {@code acc-b1} of tenant-b.
 * Enabled only by {@link FanoutTestProfile}, so other test classes keep the real seams.
 */
@Alternative
@ApplicationScoped
public class TestAccountDirectory implements AccountDirectory {

    private final List<Account> accounts = List.of(account("acc-a1", "tenant-a"), account("acc-a2", "tenant-a"),
            account("acc-a3", "tenant-a"),
            account("acc-b1", "tenant-b"));

    @Override
    public Optional<Account> find(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return accounts.stream().filter(a -> a.tenantId().equals(tenantId)).toList();
    }

    private static Account account(String id, String tenant) {
        return new Account(id, tenant, "conn-" + id, BrokerId.values()[0], "no-" + id, id, "USD", AccountKind.values()[0]);
    }
}

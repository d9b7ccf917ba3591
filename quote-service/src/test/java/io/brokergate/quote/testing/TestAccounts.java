package io.brokergate.quote.testing;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of the quote tests, all paper accounts on {@link SimMarket}'s exchange:
 * {@value #A} of tenant-a, {@value #B} of tenant-b, and {@value #C} of tenant-c, whose socket owner
 * is elsewhere (its pushes arrive on the channel, but this node holds no session for it). tenant-d
 * has no account at all.
 */
@Alternative
@ApplicationScoped
public class TestAccounts implements AccountDirectory {

    public static final String A = "acc-a";
    public static final String B = "acc-b";
    public static final String C = "acc-c";
    public static final String TENANT_A = "tenant-a";
    public static final String TENANT_B = "tenant-b";
    public static final String TENANT_C = "tenant-c";
    public static final String TENANT_D = "tenant-d";

    private static final List<Account> ACCOUNTS = List.of(account(A, TENANT_A), account(B, TENANT_B), account(C, TENANT_C));

    public static Account account(String id) {
        return ACCOUNTS.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The sim's account number of a gateway account. */
    public static String brokerNo(String accountId) {
        return account(accountId).brokerAccountNo();
    }

    @Override
    public Optional<Account> find(String accountId) {
        return ACCOUNTS.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return ACCOUNTS.stream().filter(a -> a.tenantId().equals(tenantId)).toList();
    }

    private static Account account(String id, String tenant) {
        return new Account(id, tenant, "conn-" + id, BrokerId.PAPER, "PA-" + id.substring(4).toUpperCase(java.util.Locale.ROOT),
                id, "HKD", AccountKind.PAPER);
    }
}

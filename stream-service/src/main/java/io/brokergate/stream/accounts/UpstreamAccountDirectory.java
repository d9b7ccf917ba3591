package io.brokergate.stream.accounts;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.stream.upstream.UpstreamAccount;
import io.brokergate.stream.upstream.UpstreamAccounts;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of {@link UpstreamAccounts}, owned by this pod or, in a cluster, by another one (a
 * client may connect to any pod): the fallback when no account store is deployed alongside.
 * All-in-one uses auth-service's store.
 */
public final class UpstreamAccountDirectory implements AccountDirectory {

    private final UpstreamAccounts accounts;

    public UpstreamAccountDirectory(UpstreamAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Account> find(String accountId) {
        return accounts.owned().stream().map(UpstreamAccount::account).filter(a -> a.id().equals(accountId)).findFirst();
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return accounts.owned().stream().map(UpstreamAccount::account).filter(a -> a.tenantId().equals(tenantId)).toList();
    }
}

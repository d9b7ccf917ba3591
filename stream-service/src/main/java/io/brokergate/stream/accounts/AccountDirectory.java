package io.brokergate.stream.accounts;

import io.brokergate.core.account.Account;
import java.util.List;
import java.util.Optional;

/**
 * The accounts stream clients may subscribe to, so a request for another tenant's account is
 * answered as unknown. In all-in-one it is the accounts this process owns.
 */
public interface AccountDirectory {

    Optional<Account> find(String accountId);

    List<Account> forTenant(String tenantId);
}

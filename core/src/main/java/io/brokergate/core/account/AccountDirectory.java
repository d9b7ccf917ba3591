package io.brokergate.core.account;

import java.util.List;
import java.util.Optional;

/**
 * The gateway's accounts as the services see them, so that a request for another tenant's account
 * is answered as unknown (indistinguishable from a missing one). auth-service serves it from its
 * store; stream-service falls back to the accounts it owns.
 */
public interface AccountDirectory {

    Optional<Account> find(String accountId);

    List<Account> forTenant(String tenantId);
}

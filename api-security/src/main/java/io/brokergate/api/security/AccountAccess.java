package io.brokergate.api.security;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;

/**
 * Account and tenant checks in one line. Another tenant's account, an account the caller was not
 * granted and an account that does not exist all give the same 404 with the same detail, so a
 * caller cannot learn that an id exists elsewhere. Resources answer truly missing accounts with
 * {@link #accountNotFound()} too.
 */
public final class AccountAccess {

    public static final String ACCOUNT_NOT_FOUND = "account not found";

    private AccountAccess() {
    }

    /**
     * @param tenantOfAccount the tenant owning {@code accountId} according to the account
     *                        directory, or null when the account is unknown
     */
    public static void requireAccount(Caller caller, String tenantOfAccount, String accountId) {
        if (caller == null || tenantOfAccount == null || accountId == null || !caller.mayUse(tenantOfAccount, accountId)) {
            throw accountNotFound();
        }
    }

    /** For tenant-scoped resources (users, clients, keys): another tenant's resource is missing, not forbidden. */
    public static void requireTenant(Caller caller, String tenantOfResource, String what) {
        if (caller == null || tenantOfResource == null || !caller.tenantId().equals(tenantOfResource)) {
            throw new GatewayException(ErrorCode.NOT_FOUND, what + " not found");
        }
    }

    public static GatewayException accountNotFound() {
        return new GatewayException(ErrorCode.NOT_FOUND, ACCOUNT_NOT_FOUND);
    }
}

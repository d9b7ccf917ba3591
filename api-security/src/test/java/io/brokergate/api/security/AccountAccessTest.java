package io.brokergate.api.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountAccessTest {

    private static Caller caller(String tenant, AccountGrant grant) {
        return new Caller("u", tenant, Set.of(Scopes.TRADE), grant, CredentialKind.USER, null, null);
    }

    private static void missing(Runnable check) {
        GatewayException e = assertThrows(GatewayException.class, check::run);
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(AccountAccess.ACCOUNT_NOT_FOUND, e.getMessage());
    }

    @Test
    void otherTenantsUngrantedAndUnknownAccountsAllLookMissing() {
        Caller all = caller("t1", AccountGrant.ALL);
        Caller one = caller("t1", AccountGrant.of(Set.of("a1")));
        assertDoesNotThrow(() -> AccountAccess.requireAccount(all, "t1", "a9"));
        assertDoesNotThrow(() -> AccountAccess.requireAccount(one, "t1", "a1"));
        missing(() -> AccountAccess.requireAccount(all, "t2", "a9"));
        missing(() -> AccountAccess.requireAccount(one, "t1", "a2"));
        missing(() -> AccountAccess.requireAccount(one, "t2", "a1"));
        missing(() -> AccountAccess.requireAccount(all, null, "a1"));
        missing(() -> AccountAccess.requireAccount(caller("t1", AccountGrant.NONE), "t1", "a1"));
    }

    @Test
    void tenantScopedResourcesOfAnotherTenantLookMissing() {
        Caller c = caller("t1", AccountGrant.NONE);
        assertDoesNotThrow(() -> AccountAccess.requireTenant(c, "t1", "API key"));
        GatewayException e = assertThrows(GatewayException.class, () -> AccountAccess.requireTenant(c, "t2", "API key"));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("API key not found", e.getMessage());
    }
}

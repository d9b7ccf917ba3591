package io.brokergate.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The verified caller of a request, built from an access token or an API key. Every
 * account-scoped request checks {@link #tenantId()} and {@link #accounts()}; another tenant's
 * account is answered as missing (404), never as forbidden.
 *
 * @param subject  user id, client id or API key id
 * @param clientId OAuth client the credential belongs to, or null
 */
public record Caller(String subject, String tenantId, Set<String> scopes, AccountGrant accounts, CredentialKind kind,
                     String clientId, Instant expiresAt) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean mayUse(String tenant, String accountId) {
        return tenantId.equals(tenant) && accounts.allows(accountId);
    }
}

package io.brokergate.auth.apikeys;

import io.brokergate.api.security.AccountGrant;
import java.time.Instant;
import java.util.Set;

/**
 * A stored API key without its secret or hash.
 *
 * @param accounts  granted account ids; {@code "*"} alone grants every account of the tenant
 * @param createdBy subject of the caller that created the key
 * @param revokedAt null while not revoked
 * @param lastUsedAt null until first use; written at most once per configured resolution
 */
public record ApiKey(String id, String tenantId, String name, Set<String> scopes, Set<String> accounts,
                     String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
        accounts = Set.copyOf(accounts);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public AccountGrant grant() {
        return AccountGrant.of(accounts);
    }

    /** The non-secret start of the key ({@code bgk_<id>_}), to recognise it in a password manager. */
    public String displayPrefix() {
        return ApiKeyFormat.format(id, "");
    }
}

package io.brokergate.auth.tokens;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import java.time.Instant;
import java.util.Set;

/**
 * What a stored refresh token stands for. All tokens issued from one authorization (a code, or
 * the first refresh token) share a {@code familyId}.
 */
public record RefreshGrant(String familyId, String clientId, String tenantId, String subject, CredentialKind kind,
                           Set<String> scopes, AccountGrant accounts, Instant expiresAt, State state) {

    /** Where the presented token stands. */
    public enum State { ACTIVE, ROTATED, REVOKED, EXPIRED }

    public RefreshGrant {
        scopes = Set.copyOf(scopes);
    }
}

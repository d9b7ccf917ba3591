package io.brokergate.auth.tokens;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import java.time.Instant;
import java.util.Set;

/** An access token whose signature, issuer, audience and expiry have been checked. */
public record VerifiedAccessToken(String jti, String subject, String tenantId, Set<String> scopes, AccountGrant accounts,
                                  String clientId, CredentialKind kind, Instant issuedAt, Instant expiresAt) {

    public VerifiedAccessToken {
        scopes = Set.copyOf(scopes);
    }
}

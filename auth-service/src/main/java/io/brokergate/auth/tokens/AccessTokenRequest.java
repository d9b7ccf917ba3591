package io.brokergate.auth.tokens;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token should say.
 *
 * @param subject  user id, client id, the JWT-bearer UserId or an API key id
 * @param clientId OAuth client the token is issued to (null: no client claim)
 * @param ttl      lifetime; at least 60 s (TradingView's minimum for {@code expires_in})
 */
public record AccessTokenRequest(String subject, String tenantId, Set<String> scopes, AccountGrant accounts,
                                 String clientId, CredentialKind kind, Duration ttl) {

    public static final Duration MIN_TTL = Duration.ofSeconds(60);

    public AccessTokenRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(kind, "kind");
        if (ttl == null || ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("access tokens live at least 60 s");
        }
    }
}

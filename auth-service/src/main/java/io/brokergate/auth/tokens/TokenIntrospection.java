package io.brokergate.auth.tokens;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.TokenClaims;
import io.brokergate.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers RFC 7662 introspection for any credential: auth-service's access tokens (JWT) and
 * refresh tokens first, then every {@link OpaqueTokenIntrospector} bean (API keys), else inactive.
 * Blocking: call from worker threads.
 */
@ApplicationScoped
public class TokenIntrospection {

    private final AccessTokenVerifier accessTokens;
    private final RefreshTokens refreshTokens;
    private final Instance<OpaqueTokenIntrospector> opaque;
    private final String issuer;

    public TokenIntrospection(AccessTokenVerifier accessTokens, RefreshTokens refreshTokens, Instance<OpaqueTokenIntrospector> opaque,
                              AuthConfig config) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.opaque = opaque;
        this.issuer = config.issuer();
    }

    public Introspection introspect(String token) {
        if (token == null || token.isEmpty() || token.length() > CompactJws.MAX_LENGTH) {
            return Introspection.inactive();
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            return accessTokens.verifyActive(token).map(this::ofAccessToken).orElseGet(Introspection::inactive);
        }
        if (token.startsWith(RefreshTokens.PREFIX)) {
            return refreshTokens.find(token).filter(g -> g.state() == RefreshGrant.State.ACTIVE).map(this::ofRefreshToken)
                    .orElseGet(Introspection::inactive);
        }
        for (OpaqueTokenIntrospector introspector : opaque) {
            Optional<Introspection> answer = introspector.introspect(token);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return Introspection.inactive();
    }

    private Introspection ofAccessToken(VerifiedAccessToken t) {
        return new Introspection(true, String.join(" ", new TreeSet<>(t.scopes())), t.clientId(), t.subject(), "Bearer",
                t.expiresAt().getEpochSecond(), t.issuedAt() == null ? null : t.issuedAt().getEpochSecond(), issuer, TokenClaims.AUDIENCE,
                t.tenantId(), accounts(t.accounts()), t.kind().name());
    }

    private Introspection ofRefreshToken(RefreshGrant g) {
        return new Introspection(true, String.join(" ", new TreeSet<>(g.scopes())), g.clientId(), g.subject(), "refresh_token",
                g.expiresAt().getEpochSecond(), null, issuer, null, g.tenantId(), accounts(g.accounts()), g.kind().name());
    }

    private static List<String> accounts(AccountGrant grant) {
        return grant.all() ? List.of("*") : List.copyOf(new TreeSet<>(grant.accountIds()));
    }
}

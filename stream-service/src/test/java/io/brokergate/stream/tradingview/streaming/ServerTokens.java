package io.brokergate.stream.tradingview.streaming;

import io.brokergate.api.security.TokenClaims;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Access tokens shaped like those of auth-service's JWT-bearer grant: {@code bg_kind=SERVER}, data scopes, a client id. */
final class ServerTokens {

    private ServerTokens() {
    }

    static String server(String tenant, String clientId, String scope, String... accounts) {
        return token(tenant, clientId, scope, "SERVER", accounts);
    }

    static String token(String tenant, String clientId, String scope, String kind, String... accounts) {
        Instant now = Instant.now();
        return Jwt.claims().issuer(TestTokens.ISSUER).audience(Set.of(TokenClaims.AUDIENCE)).subject("tv-user-" + tenant)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim(TokenClaims.TENANT, tenant).claim(TokenClaims.SCOPE, scope)
                .claim(TokenClaims.ACCOUNTS, accounts.length == 0 ? List.of("*") : List.of(accounts))
                .claim(TokenClaims.CLIENT_ID, clientId).claim(TokenClaims.KIND, kind)
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(TestKeys.SIGNING_KID).sign(TestKeys.SIGNING.getPrivate());
    }
}

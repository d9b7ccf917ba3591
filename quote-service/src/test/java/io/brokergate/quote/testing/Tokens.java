package io.brokergate.quote.testing;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.Scopes;
import io.brokergate.api.security.TokenClaims;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Access tokens of the test tenants, signed with the key the fake auth-service publishes. */
public final class Tokens {

    private Tokens() {
    }

    /** Publishes the signing key on the fake auth-service's JWKS. */
    public static void publish(FakeAuthServer auth) {
        auth.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    /** A user of {@code tenant} with scope quotes:read and the given accounts ({@code *} = all). */
    public static String user(String tenant, String... accounts) {
        return TestTokens.token(Scopes.QUOTES_READ).tenant(tenant).accounts(accounts.length == 0 ? new String[]{"*"} : accounts)
                .rs256();
    }

    /** TradingView's server-to-server token as auth-service's JWT-bearer grant issues it: kind server, data scope only. */
    public static String server(String tenant, String... accounts) {
        Instant now = Instant.now();
        return Jwt.claims().issuer(TestTokens.ISSUER).audience(Set.of(TokenClaims.AUDIENCE)).subject("tradingview-server")
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim(TokenClaims.TENANT, tenant).claim(TokenClaims.SCOPE, Scopes.QUOTES_READ)
                .claim(TokenClaims.ACCOUNTS, List.of(accounts.length == 0 ? new String[]{"*"} : accounts))
                .claim(TokenClaims.CLIENT_ID, "tradingview").claim(TokenClaims.KIND, CredentialKind.SERVER.name().toLowerCase(Locale.ROOT))
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(TestKeys.SIGNING_KID).sign(TestKeys.SIGNING.getPrivate());
    }
}

package io.brokergate.bench.security;

import io.brokergate.api.security.TokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An access token shaped like auth-service's: RS256 with a 2048-bit key, kid, the Brokergate claims. */
final class BenchTokens {

    static final String ISSUER = "https://auth.bench.brokergate";
    static final String KID = "bench-k1";

    private BenchTokens() {
    }

    static KeyPair rsa2048() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String accessToken(KeyPair keys) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject("user-42")
                .audience(TokenClaims.AUDIENCE)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(2)))
                .claim(TokenClaims.TENANT, "tenant-7")
                .claim(TokenClaims.SCOPE, "quotes:read accounts:read trade")
                .claim(TokenClaims.ACCOUNTS, List.of("acc-1", "acc-2"))
                .claim(TokenClaims.CLIENT_ID, "web-console")
                .claim(TokenClaims.KIND, "user")
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(KID)
                .sign(keys.getPrivate());
    }
}

package io.brokergate.api.security.testing;

import io.brokergate.api.security.TokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints access tokens the way auth-service does (smallrye-jwt-build, RS256, kid in the header),
 * plus the forgeries a verifier must refuse. Defaults: a user of tenant {@code tenant-a} with
 * every account, signed with {@link TestKeys#SIGNING}, valid for five minutes.
 */
public final class TestTokens {

    /** The issuer tests configure ({@code brokergate.security.issuer}). */
    public static final String ISSUER = "https://auth.test.brokergate";

    private String issuer = ISSUER;
    private String audience = TokenClaims.AUDIENCE;
    private String subject = "user-1";
    private String tenant = "tenant-a";
    private String scope = "";
    private List<String> accounts = List.of("*");
    private Instant issuedAt = Instant.now();
    private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(5));
    private Instant notBefore;
    private String kid = TestKeys.SIGNING_KID;
    private PrivateKey key = TestKeys.SIGNING.getPrivate();

    private TestTokens() {
    }

    public static TestTokens token(String scope) {
        TestTokens t = new TestTokens();
        t.scope = scope;
        return t;
    }

    public TestTokens tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public TestTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestTokens accounts(String... ids) {
        this.accounts = List.of(ids);
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    public TestTokens expiredAgo(Duration ago) {
        this.expiresAt = Instant.now().minus(ago);
        this.issuedAt = expiresAt.minus(Duration.ofMinutes(5));
        return this;
    }

    public TestTokens notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        this.expiresAt = notBefore.plus(Duration.ofMinutes(5));
        return this;
    }

    public TestTokens kid(String kid) {
        this.kid = kid;
        return this;
    }

    public TestTokens signedWith(PrivateKey key) {
        this.key = key;
        return this;
    }

    /** A correctly formed RS256 token (valid unless a setter made it otherwise). */
    public String rs256() {
        return claims().jws().algorithm(SignatureAlgorithm.RS256).keyId(kid).sign(key);
    }

    /** Classic key confusion: HS256 with the RSA public key's bytes as the HMAC secret. */
    public String hs256WithPublicKey() {
        byte[] publicKey = TestKeys.SIGNING.getPublic().getEncoded();
        return claims().jws().algorithm(SignatureAlgorithm.HS256).keyId(kid)
                .sign(new SecretKeySpec(publicKey, "HmacSHA256"));
    }

    public String es256() {
        return claims().jws().algorithm(SignatureAlgorithm.ES256).keyId(kid).sign(TestKeys.ATTACKER_EC.getPrivate());
    }

    /** Signed by the attacker, who also embeds their own key in the header hoping it is used. */
    public String attackerKeyEmbedded() {
        return claims().jws().algorithm(SignatureAlgorithm.RS256).keyId(kid).jwk(TestKeys.ATTACKER.getPublic())
                .sign(TestKeys.ATTACKER.getPrivate());
    }

    /** {@code alg: none} with an empty signature. */
    public String unsigned() {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        return b64(header) + "." + rs256().split("\\.")[1] + ".";
    }

    /** A valid token whose payload was swapped for one with more scopes; the signature no longer matches. */
    public static String withPayloadOf(String signed, String otherToken) {
        String[] a = signed.split("\\.");
        String[] b = otherToken.split("\\.");
        return a[0] + "." + b[1] + "." + a[2];
    }

    private JwtClaimsBuilder claims() {
        JwtClaimsBuilder b = Jwt.claims()
                .issuer(issuer)
                .audience(Set.of(audience))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim(TokenClaims.SCOPE, scope)
                .claim(TokenClaims.ACCOUNTS, accounts)
                .claim(TokenClaims.KIND, "user");
        if (subject != null) {
            b.subject(subject);
        }
        if (tenant != null) {
            b.claim(TokenClaims.TENANT, tenant);
        }
        if (notBefore != null) {
            b.claim("nbf", notBefore.getEpochSecond());
        }
        return b;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

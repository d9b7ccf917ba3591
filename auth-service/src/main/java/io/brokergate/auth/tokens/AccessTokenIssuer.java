package io.brokergate.auth.tokens;

import io.brokergate.api.security.TokenClaims;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.keys.KeyRing;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Signs RS256 access tokens with the key ring's active key: {@code kid} in the header; claims
 * {@code iss}, {@code sub}, {@code aud}=brokergate, {@code exp}, {@code iat}, {@code jti} and the
 * gateway's own ({@link TokenClaims}). Every call yields a distinct token (fresh {@code jti}).
 */
@ApplicationScoped
public class AccessTokenIssuer {

    private final KeyRing ring;
    private final String issuer;

    @jakarta.inject.Inject
    public AccessTokenIssuer(KeyRing ring, AuthConfig config) {
        this(ring, config.issuer());
        requireUsableLifetime("brokergate.auth.tokens.access-ttl", config.tokens().accessTtl());
        requireUsableLifetime("brokergate.auth.tradingview.token-ttl", config.tradingview().tokenTtl());
    }

    /** Fails start-up on a lifetime TradingView would reject, instead of failing every token request. */
    void onStart(@Observes StartupEvent event) {
        // Creating the bean runs the checks.
    }

    private static void requireUsableLifetime(String name, Duration ttl) {
        if (ttl.compareTo(AccessTokenRequest.MIN_TTL) < 0) {
            throw new IllegalStateException(name + " must be at least 60 s (TradingView's minimum expires_in), is " + ttl);
        }
    }

    AccessTokenIssuer(KeyRing ring, String issuer) {
        this.ring = ring;
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public IssuedAccessToken issue(AccessTokenRequest request) {
        KeyRing.ActiveKey key = ring.active();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(request.ttl());
        String jti = UUID.randomUUID().toString();
        List<String> accts = request.accounts().all() ? List.of("*") : List.copyOf(new TreeSet<>(request.accounts().accountIds()));
        var claims = Jwt.issuer(issuer)
                .subject(request.subject())
                .audience(TokenClaims.AUDIENCE)
                .issuedAt(now)
                .expiresAt(exp)
                .claim("jti", jti)
                .claim(TokenClaims.TENANT, request.tenantId())
                .claim(TokenClaims.SCOPE, String.join(" ", new TreeSet<>(request.scopes())))
                .claim(TokenClaims.ACCOUNTS, accts)
                .claim(TokenClaims.KIND, request.kind().name());
        if (request.clientId() != null) {
            claims.claim(TokenClaims.CLIENT_ID, request.clientId());
        }
        String token = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
        return new IssuedAccessToken(token, jti, key.kid(), now, exp);
    }
}

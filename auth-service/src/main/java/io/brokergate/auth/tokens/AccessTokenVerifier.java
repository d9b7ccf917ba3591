package io.brokergate.auth.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.TokenClaims;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies auth-service's own access tokens inside auth-service (logout, revocation,
 * introspection): RS256 under a non-retired ring key, our issuer, our audience, not expired.
 * Revocation is checked separately ({@link RevokedAccessTokens}) so revocation itself can verify
 * a token first. Blocking on a key-ring miss: call from worker threads.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private final KeyRing ring;
    private final RevokedAccessTokens revoked;
    private final String issuer;

    @jakarta.inject.Inject
    public AccessTokenVerifier(KeyRing ring, RevokedAccessTokens revoked, AuthConfig config) {
        this.ring = ring;
        this.revoked = revoked;
        this.issuer = config.issuer();
    }

    /** Signature, issuer, audience and expiry; revoked tokens still pass. */
    public Optional<VerifiedAccessToken> verify(String token) {
        Optional<CompactJws> parsed = CompactJws.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CompactJws jws = parsed.get();
        Optional<RSAPublicKey> key = ring.publicKey(jws.headerText("kid"));
        if (key.isEmpty() || !jws.verifiesRs256(key.get())) {
            return Optional.empty();
        }
        return claims(jws);
    }

    /** {@link #verify} and not revoked. */
    public Optional<VerifiedAccessToken> verifyActive(String token) {
        return verify(token).filter(t -> !revoked.isRevoked(t.jti()));
    }

    private Optional<VerifiedAccessToken> claims(CompactJws jws) {
        Long exp = jws.claimSeconds("exp");
        Long iat = jws.claimSeconds("iat");
        String jti = jws.claimText("jti");
        String sub = jws.claimText("sub");
        String tenant = jws.claimText(TokenClaims.TENANT);
        String kind = jws.claimText(TokenClaims.KIND);
        Instant now = Instant.now();
        if (!issuer.equals(jws.claimText("iss")) || !jws.hasAudience(TokenClaims.AUDIENCE) || exp == null
                || !Instant.ofEpochSecond(exp).isAfter(now) || jti == null || sub == null || tenant == null || kind == null) {
            return Optional.empty();
        }
        CredentialKind credentialKind;
        try {
            credentialKind = CredentialKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scope = jws.claimText(TokenClaims.SCOPE);
        Set<String> scopes = scope == null || scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.trim().split(" +")));
        Set<String> accts = new HashSet<>();
        JsonNode a = jws.claims().get(TokenClaims.ACCOUNTS);
        if (a != null && a.isArray()) {
            a.forEach(n -> accts.add(n.asText()));
        }
        return Optional.of(new VerifiedAccessToken(jti, sub, tenant, scopes, AccountGrant.of(accts),
                jws.claimText(TokenClaims.CLIENT_ID), credentialKind, iat == null ? null : Instant.ofEpochSecond(iat),
                Instant.ofEpochSecond(exp)));
    }
}

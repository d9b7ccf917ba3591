package io.brokergate.api.security.jwt;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.InvalidCredentialException;
import io.brokergate.api.security.RevocationList;
import io.brokergate.api.security.TokenClaims;
import io.brokergate.api.security.VerificationKeys;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies auth-service's access tokens: RS256 only, the key chosen by the header's {@code kid}
 * from {@link VerificationKeys}, then issuer, audience {@code brokergate}, {@code exp}/{@code nbf}/
 * {@code iat} within the clock skew, and the Brokergate claims. Plain Java (no CDI) so that
 * benchmarks and in-process callers can use it directly.
 *
 * <p>Uses SmallRye JWT's {@link DefaultJWTTokenParser} (what {@code DefaultJWTParser} delegates
 * to) because only the jose4j claims are needed, not a {@code JsonWebToken} principal with its
 * JSON-P copies of every claim.
 */
public final class AccessTokenVerifier {

    private final VerificationKeys keys;
    private final TokenPolicy policy;
    private final RevocationList revoked;
    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
    /** Verification settings per kid, rebuilt only when the key for a kid changes. */
    private final ConcurrentMap<String, KeyedContext> contexts = new ConcurrentHashMap<>();
    /**
     * Tokens already verified, by the whole token. A client sends the same token with every request
     * until it expires, and verifying it again costs an RSA operation and tens of kilobytes of
     * garbage (jose4j's JSON and Base64) per request. A remembered token still has its expiry, its
     * key and its revocation checked on every use; failures are never remembered.
     */
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** Most tokens remembered at once; beyond it the expired ones go, then all (typical: one per active session). */
    static final int MAX_REMEMBERED = 4096;

    private record KeyedContext(PublicKey key, JWTAuthContextInfo info) {
    }

    private record Verified(String kid, PublicKey key, String jti, Caller caller) {
    }

    public AccessTokenVerifier(VerificationKeys keys, TokenPolicy policy) {
        this(keys, policy, RevocationList.NONE);
    }

    public AccessTokenVerifier(VerificationKeys keys, TokenPolicy policy, RevocationList revoked) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
    }

    /** The caller of a token, or a failure with an {@link InvalidCredentialException}. */
    public Uni<Caller> verify(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            return keys.forKid(known.kid()).map(key -> reuse(token, known, key));
        }
        String kid;
        try {
            kid = JoseHeader.rs256KeyId(token);
        } catch (InvalidCredentialException e) {
            return Uni.createFrom().failure(e);
        }
        return keys.forKid(kid).map(key -> verifyAndRemember(token, kid, key));
    }

    /** A remembered token while it is unexpired, its kid still has the same key and it is not revoked. */
    private Caller reuse(String token, Verified known, Optional<PublicKey> key) {
        if (key.isEmpty() || !known.key().equals(key.get()) || !Instant.now().isBefore(known.caller().expiresAt())) {
            verified.remove(token, known);
            return verifyAndRemember(token, known.kid(), key); // decides with the clock skew, or with the new key
        }
        refuseIfRevoked(known.jti());
        return known.caller();
    }

    private Caller verifyAndRemember(String token, String kid, Optional<PublicKey> key) {
        Verified v = check(token, kid, key.orElseThrow(() -> new InvalidCredentialException(CredentialFailure.KEY_UNKNOWN)));
        if (verified.size() >= MAX_REMEMBERED) {
            Instant now = Instant.now();
            verified.values().removeIf(old -> !now.isBefore(old.caller().expiresAt()));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, v);
        return v.caller();
    }

    /** Verifies a token whose header names {@code kid} with the key already selected for that kid. */
    public Caller verify(String token, String kid, PublicKey key) {
        return check(token, kid, key).caller();
    }

    private Verified check(String token, String kid, PublicKey key) {
        try {
            JwtClaims claims = parser.parse(token, contextFor(kid, key)).getJwtClaims();
            String jti = claims.getClaimValueAsString("jti");
            refuseIfRevoked(jti);
            return new Verified(kid, key, jti, CallerClaims.toCaller(claims));
        } catch (ParseException e) {
            throw new InvalidCredentialException(classify(e));
        }
    }

    private void refuseIfRevoked(String jti) {
        if (jti != null && revoked.isRevoked(jti)) {
            throw new InvalidCredentialException(CredentialFailure.TOKEN_REVOKED);
        }
    }

    private JWTAuthContextInfo contextFor(String kid, PublicKey key) {
        KeyedContext known = contexts.get(kid);
        if (known != null && known.key() == key) {
            return known.info();
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, policy.issuer());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpectedAudience(Set.of(TokenClaims.AUDIENCE));
        info.setClockSkew((int) policy.clockSkew().toSeconds());
        // RSA keys shorter than 2048 bits are refused rather than tolerated.
        info.setRelaxVerificationKeyValidation(false);
        contexts.put(kid, new KeyedContext(key, info));
        return info;
    }

    static CredentialFailure classify(ParseException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException jwt) {
                return classify(jwt);
            }
        }
        return CredentialFailure.TOKEN_INVALID;
    }

    private static CredentialFailure classify(InvalidJwtException e) {
        if (e.hasExpired()) {
            return CredentialFailure.TOKEN_EXPIRED;
        } else if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return CredentialFailure.TOKEN_NOT_YET_VALID;
        } else if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return CredentialFailure.SIGNATURE_INVALID;
        } else if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return CredentialFailure.ISSUER_NOT_ACCEPTED;
        } else if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return CredentialFailure.AUDIENCE_NOT_ACCEPTED;
        } else if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return CredentialFailure.CLAIMS_INVALID;
        }
        return CredentialFailure.TOKEN_INVALID;
    }
}

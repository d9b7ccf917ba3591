package io.brokergate.auth.tokens;

import java.time.Duration;
import java.time.Instant;

/** A signed access token and the facts callers need to answer with it. */
public record IssuedAccessToken(String token, String jti, String kid, Instant issuedAt, Instant expiresAt) {

    /** Whole seconds until expiry, for {@code expires_in}. */
    public long expiresInSeconds() {
        return Duration.between(issuedAt, expiresAt).toSeconds();
    }

    @Override
    public String toString() {
        return "IssuedAccessToken[jti=" + jti + ", exp=" + expiresAt + "]";
    }
}

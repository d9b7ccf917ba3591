package io.brokergate.api.security.jwt;

import java.time.Duration;
import java.util.Objects;

/** What an access token must satisfy besides its signature: the issuer, and how much clock drift is forgiven. */
public record TokenPolicy(String issuer, Duration clockSkew) {

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
    }
}

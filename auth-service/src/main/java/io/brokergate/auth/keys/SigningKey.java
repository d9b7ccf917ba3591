package io.brokergate.auth.keys;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/**
 * One RSA key of the ring. Only the active key signs; every key that is not retired verifies.
 *
 * @param retireAfter null while the key is active; once superseded, the instant after which no
 *                    token it signed can still be valid, so it leaves the JWKS
 */
public record SigningKey(String kid, RSAPublicKey publicKey, Instant createdAt, Instant retireAfter) {

    public boolean active() {
        return retireAfter == null;
    }

    public boolean verifiesAt(Instant now) {
        return retireAfter == null || retireAfter.isAfter(now);
    }
}

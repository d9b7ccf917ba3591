package io.brokergate.api.security.cluster;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The verification keys of an RFC 7517 key set: RSA keys with a kid, meant for signatures
 * ({@code use} absent or {@code sig}, {@code alg} absent or RS256), at least 2048 bits. Other
 * entries are skipped, so auth-service can publish more without breaking verifiers.
 */
final class JwksDocument {

    private static final int MIN_RSA_BITS = 2048;

    private JwksDocument() {
    }

    static Map<String, PublicKey> verificationKeys(String json) throws JoseException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
            if (jwk instanceof RsaJsonWebKey rsa && jwk.getKeyId() != null
                    && (jwk.getUse() == null || "sig".equals(jwk.getUse()))
                    && (jwk.getAlgorithm() == null || "RS256".equals(jwk.getAlgorithm()))) {
                RSAPublicKey key = rsa.getRsaPublicKey();
                if (key.getModulus().bitLength() >= MIN_RSA_BITS) {
                    keys.put(jwk.getKeyId(), key);
                }
            }
        }
        return keys;
    }
}

package io.brokergate.api.security.jwt;

import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.InvalidCredentialException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Reads the protected header of a compact JWS before any key is looked up, so that only RS256
 * tokens naming a key id ever reach the key source. Keys embedded in the header ({@code jwk},
 * {@code jku}, {@code x5c}, {@code x5u}) are never read: the key comes from the kid alone.
 */
final class JoseHeader {

    static final String RS256 = "RS256";
    private static final int MAX_KID_LENGTH = 256;

    private JoseHeader() {
    }

    /** The header's {@code kid}, after checking the token is a three-part JWS with {@code alg} RS256. */
    static String rs256KeyId(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new InvalidCredentialException(CredentialFailure.TOKEN_MALFORMED);
        }
        Map<String, Object> header = parse(token.substring(0, first));
        if (!RS256.equals(header.get("alg"))) {
            throw new InvalidCredentialException(CredentialFailure.ALGORITHM_NOT_ACCEPTED);
        }
        if (!(header.get("kid") instanceof String kid) || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            throw new InvalidCredentialException(CredentialFailure.KEY_ID_MISSING);
        }
        return kid;
    }

    private static Map<String, Object> parse(String encoded) {
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            throw new InvalidCredentialException(CredentialFailure.TOKEN_MALFORMED);
        }
    }
}

package io.brokergate.auth.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (refresh tokens, codes, client secrets, session ids) and the SHA-256
 * under which they are stored. A plain hash suffices here, unlike for passwords: 256 random bits
 * cannot be guessed, so a slow hash would only cost CPU on every request.
 */
public final class OpaqueSecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private OpaqueSecret() {
    }

    /** {@code prefix} + 256 random bits, base64url. The prefix names the kind for secret scanners and dispatch. */
    public static String newValue(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + B64URL.encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the UTF-8 value. */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time equality of two hex digests (or any two strings of public length). */
    public static boolean sameDigest(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}

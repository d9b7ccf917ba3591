package io.brokergate.auth.apikeys;

import io.brokergate.api.security.TokenClaims;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The wire form of API keys: {@code bgk_<id>_<secret>}, both parts base62 so that a key survives
 * copy and paste, shells and URLs unchanged. The id (16 characters, about 95 bits) names the key in
 * listings and logs; the secret (43 characters, 256 bits) is shown once and only its SHA-256 is
 * stored.
 *
 * <p>Why a fast hash and not Argon2 as for passwords: the secret is 256 random bits, so no
 * dictionary or brute-force attack on a leaked hash is feasible however fast the hash is; slow
 * hashing only protects low-entropy secrets, and here it would cost CPU on every request.
 */
public final class ApiKeyFormat {

    /** A presented key split into its parts; says nothing about validity. */
    public record Parsed(String id, String secret) {
        @Override
        public String toString() {
            return "ApiKey[" + id + "]";
        }
    }

    static final int ID_LENGTH = 16;
    /** 43 base62 characters carry 43 × log2(62) ≈ 256.03 bits. */
    static final int SECRET_LENGTH = 43;
    static final int KEY_LENGTH = TokenClaims.API_KEY_PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    static String newId() {
        return randomBase62(ID_LENGTH);
    }

    static String newSecret() {
        return randomBase62(SECRET_LENGTH);
    }

    static String format(String id, String secret) {
        return TokenClaims.API_KEY_PREFIX + id + "_" + secret;
    }

    /** True when {@code presented} has the prefix of an API key, so it is ours to judge. */
    public static boolean looksLikeApiKey(String presented) {
        return presented != null && presented.startsWith(TokenClaims.API_KEY_PREFIX);
    }

    /** Splits a presented key; empty unless it has exactly the shape of one we issued. */
    public static Optional<Parsed> parse(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !looksLikeApiKey(presented)) {
            return Optional.empty();
        }
        int idStart = TokenClaims.API_KEY_PREFIX.length();
        int separator = idStart + ID_LENGTH;
        if (presented.charAt(separator) != '_') {
            return Optional.empty();
        }
        String id = presented.substring(idStart, separator);
        String secret = presented.substring(separator + 1);
        return isBase62(id) && isBase62(secret) ? Optional.of(new Parsed(id, secret)) : Optional.empty();
    }

    /** True for a string that could be a key id (path parameters are checked before any query). */
    public static boolean isKeyId(String s) {
        return s != null && s.length() == ID_LENGTH && isBase62(s);
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes. */
    public static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of a presented secret with the stored hash. */
    static boolean secretMatches(String secret, String storedSha256Hex) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedSha256Hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Rejection sampling: bytes ≥ 248 are dropped so that every character is equally likely. */
    private static String randomBase62(int length) {
        StringBuilder sb = new StringBuilder(length);
        byte[] buf = new byte[length + 8];
        while (sb.length() < length) {
            RANDOM.nextBytes(buf);
            for (int i = 0; i < buf.length && sb.length() < length; i++) {
                int b = buf[i] & 0xFF;
                if (b < 248) {
                    sb.append(BASE62[b % 62]);
                }
            }
        }
        return sb.toString();
    }

    private static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}

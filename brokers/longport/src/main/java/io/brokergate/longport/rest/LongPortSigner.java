package io.brokergate.longport.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Api-Signature} scheme of the LongPort REST API (longport.md §1.2):
 * <pre>
 * canonical = METHOD|path|rawQuery|authorization:TOKEN\nx-api-key:KEY\nx-timestamp:TS\n|authorization;x-api-key;x-timestamp|[sha1_hex(body) if body non-empty]
 * signature = hex(HMAC-SHA256(appSecret, "HMAC-SHA256|" + sha1_hex(canonical)))
 * header    = "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=" + signature
 * </pre>
 * Path and query are signed exactly as sent (no sorting or re-encoding), the timestamp as the
 * opaque header string (SDKs send seconds, milliseconds or float seconds).
 *
 * <p>Thread-safe. Each thread keeps its own SHA-1 digest and HMAC instance, and re-keys the HMAC
 * only when the secret differs from that thread's previous call, so the client (one secret)
 * never re-keys and the server pays a re-key only when tenants interleave.
 */
public final class LongPortSigner {

    public static final String ALGORITHM = "HMAC-SHA256";
    public static final String SIGNED_HEADERS = "authorization;x-api-key;x-timestamp";
    private static final String HEADER_PREFIX = ALGORITHM + " SignedHeaders=" + SIGNED_HEADERS + ", Signature=";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Outcome of {@link #verify}; {@code MALFORMED} means the header itself is unusable. */
    public enum Outcome { VALID, MALFORMED, MISMATCH }

    /** Verification result; {@code detail} is for logs, never for the HTTP response body. */
    public record Verification(Outcome outcome, String detail) {
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    private static final Verification VALID = new Verification(Outcome.VALID, "ok");

    private static final class PerThread {
        final MessageDigest sha1;
        final Mac mac;
        String macSecret;

        PerThread() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JDK lacks SHA-1/HmacSHA256", e);
            }
        }

        Mac macFor(String secret) {
            if (secret == null) {
                throw new IllegalArgumentException("app secret is null");
            }
            if (!secret.equals(macSecret)) {
                try {
                    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("unusable app secret", e);
                }
                macSecret = secret;
            }
            return mac;
        }
    }

    private static final ThreadLocal<PerThread> STATE = ThreadLocal.withInitial(PerThread::new);

    private LongPortSigner() {
    }

    /**
     * @param rawQuery  query string exactly as sent, without '?'; null or "" when there is none
     * @param timestamp the {@code X-Timestamp} header value
     * @param body      request body bytes exactly as sent; null or empty when there is none
     * @return the complete {@code X-Api-Signature} header value
     */
    public static String sign(String method, String path, String rawQuery, String accessToken, String appKey,
                              String timestamp, byte[] body, String appSecret) {
        return HEADER_PREFIX + new String(
                hex(signatureBytes(method, path, rawQuery, accessToken, appKey, timestamp, body, appSecret)),
                StandardCharsets.US_ASCII);
    }

    /** Lowercase hex of SHA-1 over the canonical request; exposed for diagnostics and tests. */
    public static String canonicalSha1(String method, String path, String rawQuery, String accessToken,
                                       String appKey, String timestamp, byte[] body) {
        PerThread state = STATE.get();
        return new String(canonicalSha1Hex(state, method, path, rawQuery, accessToken, appKey, timestamp, body),
                StandardCharsets.US_ASCII);
    }

    /**
     * Server side: checks a received {@code X-Api-Signature} against the server's copy of the secret.
     * Only HMAC-SHA256 over exactly {@value #SIGNED_HEADERS} is accepted, which is all the official
     * clients send. The comparison is constant-time.
     */
    public static Verification verify(String signatureHeader, String method, String path, String rawQuery,
                                      String accessToken, String appKey, String timestamp, byte[] body,
                                      String appSecret) {
        if (accessToken == null || appKey == null || timestamp == null) {
            return new Verification(Outcome.MALFORMED, "missing authorization, x-api-key or x-timestamp header");
        }
        Object parsed = parseSignature(signatureHeader);
        if (parsed instanceof Verification failure) {
            return failure;
        }
        byte[] expected = signatureBytes(method, path, rawQuery, accessToken, appKey, timestamp, body, appSecret);
        return MessageDigest.isEqual(expected, (byte[]) parsed)
                ? VALID
                : new Verification(Outcome.MISMATCH, "signature does not match");
    }

    /** @return the 32 signature bytes, or a MALFORMED {@link Verification} */
    private static Object parseSignature(String header) {
        if (header == null || header.isBlank()) {
            return malformed("missing X-Api-Signature");
        }
        String h = header.trim();
        int space = h.indexOf(' ');
        if (space < 0) {
            return malformed("no space after the algorithm");
        }
        String algorithm = h.substring(0, space);
        if (!ALGORITHM.equalsIgnoreCase(algorithm)) {
            return malformed("unsupported algorithm " + algorithm);
        }
        String signedHeaders = null;
        String signature = null;
        for (String part : h.substring(space + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return malformed("parameter without '=': " + part.trim());
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equalsIgnoreCase("SignedHeaders")) {
                signedHeaders = value;
            } else if (name.equalsIgnoreCase("Signature")) {
                signature = value;
            }
        }
        if (signedHeaders == null || signature == null) {
            return malformed("SignedHeaders or Signature missing");
        }
        if (!SIGNED_HEADERS.equals(signedHeaders.toLowerCase(Locale.ROOT))) {
            return malformed("unsupported SignedHeaders " + signedHeaders);
        }
        byte[] raw = unhex(signature);
        return raw == null ? malformed("Signature is not 64 hex digits") : raw;
    }

    private static Verification malformed(String why) {
        return new Verification(Outcome.MALFORMED, why);
    }

    private static byte[] signatureBytes(String method, String path, String rawQuery, String accessToken,
                                         String appKey, String timestamp, byte[] body, String appSecret) {
        PerThread state = STATE.get();
        byte[] canonicalHex = canonicalSha1Hex(state, method, path, rawQuery, accessToken, appKey, timestamp, body);
        Mac mac = state.macFor(appSecret);
        mac.update(ALGORITHM.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '|');
        return mac.doFinal(canonicalHex);
    }

    private static byte[] canonicalSha1Hex(PerThread state, String method, String path, String rawQuery,
                                           String accessToken, String appKey, String timestamp, byte[] body) {
        StringBuilder c = new StringBuilder(160 + path.length() + (rawQuery == null ? 0 : rawQuery.length())
                + accessToken.length());
        c.append(method.toUpperCase(Locale.ROOT)).append('|')
                .append(path).append('|')
                .append(rawQuery == null ? "" : rawQuery).append('|')
                .append("authorization:").append(accessToken).append('\n')
                .append("x-api-key:").append(appKey).append('\n')
                .append("x-timestamp:").append(timestamp).append('\n')
                .append('|').append(SIGNED_HEADERS).append('|');
        MessageDigest sha1 = state.sha1;
        if (body != null && body.length > 0) {
            sha1.reset();
            byte[] bodyHex = hex(sha1.digest(body));
            c.append(new String(bodyHex, StandardCharsets.US_ASCII));
        }
        sha1.reset();
        return hex(sha1.digest(c.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >>> 4) & 0x0F];
            out[2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
        return out;
    }

    /** Decodes exactly 64 hex digits (either case); null for anything else. */
    private static byte[] unhex(String s) {
        if (s.length() != 64) {
            return null;
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            int hi = hexValue(s.charAt(2 * i));
            int lo = hexValue(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII only: Character.digit would also accept non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

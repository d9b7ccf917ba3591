package io.brokergate.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 7636 PKCE with S256 only ({@code plain} would let a leaked challenge act as the verifier). */
public final class Pkce {

    /** Verifiers: 43-128 unreserved characters; S256 challenges: 43 base64url characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private Pkce() {
    }

    public static boolean isChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** BASE64URL(SHA256(verifier)), or empty for a malformed verifier. */
    public static Optional<String> challengeOf(String verifier) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a verifier against a stored challenge. */
    public static boolean verifies(String verifier, String challenge) {
        return challengeOf(verifier)
                .map(c -> MessageDigest.isEqual(c.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }
}

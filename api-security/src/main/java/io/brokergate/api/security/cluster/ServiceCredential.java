package io.brokergate.api.security.cluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How the gateway's services prove to each other that a call comes from inside the deployment: HTTP
 * Basic with the shared client id and secret that auth-service's introspection already accepts
 * ({@code brokergate.security.introspection-client-id} / {@code -secret}). Basic, not bearer: the
 * services' bearer authentication would try to verify a bearer secret as a token.
 */
public final class ServiceCredential {

    private final String clientId;
    private final byte[] secretDigest;
    private final String authorization;

    /** Without a secret (absent or blank) nothing is sent and nothing is accepted. */
    public ServiceCredential(String clientId, Optional<String> secret) {
        this.clientId = clientId;
        String value = secret.filter(s -> !s.isBlank()).orElse(null);
        this.secretDigest = value == null ? null : sha256(form(value));
        // RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding.
        this.authorization = value == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(value)).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} header value a service sends; empty without a secret. */
    public Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** Whether a request carries exactly one {@code Authorization} header, and it is this credential. */
    public boolean accepts(List<String> presented) {
        return presented.size() == 1 && accepts(presented.get(0));
    }

    /** Whether a presented {@code Authorization} header is this credential; the secret is compared in constant time. */
    public boolean accepts(String presented) {
        if (secretDigest == null || presented == null || presented.length() > 1024 || !presented.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(presented.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean sameId = decoded.substring(0, colon).equals(form(clientId));
        boolean sameSecret = MessageDigest.isEqual(secretDigest, sha256(decoded.substring(colon + 1))); // both form-encoded
        return sameId & sameSecret;
    }

    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

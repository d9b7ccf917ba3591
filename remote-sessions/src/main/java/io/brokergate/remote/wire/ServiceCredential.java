package io.brokergate.remote.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's service credential on the owners' internal API: HTTP Basic with the introspection
 * client id and the shared secret ({@code brokergate.security.introspection-client-id} and
 * {@code -secret}, the values auth-service's introspection endpoint checks). Without a secret,
 * nothing is sent and everything presented is refused.
 */
public final class ServiceCredential {

    private final String header;
    private final byte[] digest;

    public ServiceCredential(String clientId, Optional<String> secret) {
        this.header = secret.filter(s -> !s.isBlank())
                .map(s -> "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + s).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
        this.digest = header == null ? null : sha256(header);
    }

    /** The {@code Authorization} value to send; empty without a configured secret. */
    public Optional<String> authorization() {
        return Optional.ofNullable(header);
    }

    /**
     * Whether the request's {@code Authorization} headers are exactly this credential. Compares
     * digests in constant time, so neither the content nor the length of the secret shows in timing.
     */
    public boolean accepts(List<String> authorization) {
        if (digest == null || authorization.size() != 1) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.get(0)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

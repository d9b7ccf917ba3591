package io.brokergate.auth.kubernetes;

/**
 * A Secret whose key material cannot be used (missing entry, wrong encoding, wrong size). The
 * message names the Secret and the entry, never the key.
 */
public final class KeyMaterialException extends RuntimeException {

    public KeyMaterialException(String message) {
        super(message);
    }
}

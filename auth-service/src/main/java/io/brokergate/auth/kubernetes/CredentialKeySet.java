package io.brokergate.auth.kubernetes;

import io.brokergate.auth.connections.CredentialCipher;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The credential keys a Secret holds: {@code current} encrypts, entries named {@code previous…}
 * (in name order) still decrypt. Each value is the base64 of 32 random bytes, exactly as
 * {@code brokergate.auth.credential-key} takes it ({@code openssl rand -base64 32}).
 */
record CredentialKeySet(byte[] current, List<byte[]> older) {

    static final String OLDER_PREFIX = "previous";
    private static final int KEY_BYTES = 32;

    static CredentialKeySet from(SecretEntries secret, String currentEntry) {
        byte[] current = key(secret, currentEntry, secret.require(currentEntry));
        Map<String, String> olderEntries = new TreeMap<>();
        secret.entries().forEach((name, value) -> {
            if (name.startsWith(OLDER_PREFIX) && !name.equals(currentEntry)) {
                olderEntries.put(name, value);
            }
        });
        List<byte[]> older = new ArrayList<>();
        olderEntries.forEach((name, value) -> older.add(key(secret, name, value)));
        return new CredentialKeySet(current, List.copyOf(older));
    }

    String currentId() {
        return CredentialCipher.keyIdOf(current);
    }

    List<String> olderIds() {
        return older.stream().map(CredentialCipher::keyIdOf).toList();
    }

    /** Fingerprints only, never the keys. */
    @Override
    public String toString() {
        return "CredentialKeySet[current=" + currentId() + ", older=" + olderIds() + "]";
    }

    private static byte[] key(SecretEntries secret, String entry, String value) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("entry " + entry + " of Secret " + secret.secretName()
                    + " is not a base64 credential key (create one with: openssl rand -base64 32)");
        }
        if (raw.length != KEY_BYTES) {
            throw new KeyMaterialException("entry " + entry + " of Secret " + secret.secretName() + " holds " + raw.length
                    + " bytes; a credential key is 32 bytes (AES-256; create one with: openssl rand -base64 32)");
        }
        return raw;
    }
}

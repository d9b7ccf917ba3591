package io.brokergate.auth.connections;

import io.brokergate.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts broker credentials with AES-256-GCM. Ciphertext is {@code base64(iv ‖ ciphertext ‖ tag)};
 * the connection id is bound as associated data so a ciphertext cannot be moved to another row.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The key that encrypts, and older keys that still decrypt (kept during a key rotation). */
    private record Keys(SecretKeySpec current, String currentId, List<SecretKeySpec> older) {
        List<SecretKeySpec> all() {
            List<SecretKeySpec> all = new ArrayList<>(older.size() + 1);
            all.add(current);
            all.addAll(older);
            return all;
        }
    }

    private volatile Keys keys;
    private final SecureRandom random = new SecureRandom();

    @jakarta.inject.Inject
    public CredentialCipher(AuthConfig config) {
        this(loadKey(config));
    }

    CredentialCipher(byte[] rawKey) {
        useKeys(rawKey, List.of());
    }

    /**
     * Replaces the keys at run time (key rotation, e.g. from a Kubernetes Secret): {@code current}
     * encrypts from now on, {@code older} keys still decrypt what was encrypted before. The key
     * that was current until now keeps decrypting too (until restart), so nothing becomes
     * unreadable before it has been re-encrypted, even if the rotation did not list it.
     */
    public synchronized void useKeys(byte[] current, List<byte[]> older) {
        String currentId = fingerprint(current);
        List<SecretKeySpec> previous = new ArrayList<>();
        List<String> previousIds = new ArrayList<>();
        for (byte[] raw : older) {
            previous.add(aesKey(raw));
            previousIds.add(fingerprint(raw));
        }
        Keys outgoing = keys;
        if (outgoing != null && !outgoing.currentId().equals(currentId) && !previousIds.contains(outgoing.currentId())) {
            previous.add(outgoing.current());
        }
        this.keys = new Keys(aesKey(current), currentId, List.copyOf(previous));
    }

    /** Short fingerprint of the current key, stored next to each ciphertext. */
    public String keyId() {
        return keys.currentId();
    }

    /** Fingerprint of a raw key, as {@link #keyId()} reports it once the key is current. */
    public static String keyIdOf(byte[] rawKey) {
        return fingerprint(rawKey);
    }

    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String encoded, String associatedData) {
        Keys k = keys;
        GeneralSecurityException failure = null;
        // GCM's tag rejects a wrong key, so trying the older keys after the current one is safe.
        for (SecretKeySpec candidate : k.all()) {
            try {
                return decrypt(encoded, associatedData, candidate);
            } catch (AEADBadTagException e) {
                failure = e;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("broker credentials cannot be decrypted with key " + k.currentId(), e);
            }
        }
        throw new IllegalStateException("broker credentials cannot be decrypted with key " + k.currentId(), failure);
    }

    private static String decrypt(String encoded, String associatedData, SecretKeySpec key) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(encoded);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static SecretKeySpec aesKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("the credential key must be 32 bytes (AES-256), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static byte[] loadKey(AuthConfig config) {
        if (config.credentialKey().isPresent()) {
            return Base64.getDecoder().decode(config.credentialKey().get().trim());
        }
        Path file = Path.of(config.credentialKeyFile());
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            restrictToOwner(file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the credential key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions protect the key.
        }
    }

    private static String fingerprint(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

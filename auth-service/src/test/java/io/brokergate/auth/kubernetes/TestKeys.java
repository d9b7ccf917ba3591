package io.brokergate.auth.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/** Key material as operators put it into Secrets: PEM signing keys, base64 credential keys. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(bits);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code openssl genpkey} style. */
    static String pkcs8Pem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** {@code openssl genrsa -traditional} and cert-manager's default encoding. */
    static String pkcs1Pem(KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        try {
            byte[] der = new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                    k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()).getEncoded();
            return pem("RSA PRIVATE KEY", der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A credential key as {@code openssl rand -base64 32} prints it. */
    static String credentialKey(int seed) {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(raw);
    }

    /** A fresh random credential key. */
    static String randomCredentialKey() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** AES-256-GCM decryption of {@code base64(iv ‖ ciphertext ‖ tag)}, written independently of the cipher under test. */
    static String decrypt(String encoded, String base64Key, String associatedData) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(encoded);
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, all, 0, 12));
        aes.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return new String(aes.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }

    /** A Secret as the API server returns it: every entry base64 in {@code data}. */
    static Secret secret(String name, Map<String, String> entries) {
        Map<String, String> data = new LinkedHashMap<>();
        entries.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
    }
}

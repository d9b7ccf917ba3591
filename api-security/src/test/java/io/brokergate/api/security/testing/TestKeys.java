package io.brokergate.api.security.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;

/** Key pairs for tests, generated once per JVM: auth-service's current and next signing keys, and an attacker's. */
public final class TestKeys {

    public static final String SIGNING_KID = "test-k1";
    public static final String ROTATED_KID = "test-k2";

    public static final KeyPair SIGNING = rsa(2048);
    public static final KeyPair ROTATED = rsa(2048);
    public static final KeyPair ATTACKER = rsa(2048);
    public static final KeyPair ATTACKER_EC = ec();

    private TestKeys() {
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

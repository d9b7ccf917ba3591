package io.brokergate.auth.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/** PEM signing keys as operators and cert-manager write them, and what is refused. */
class SigningKeyPemTest {

    private static final KeyPair RSA = TestKeys.rsa(2048);
    private static final String SOURCE = "entry tls.key of Secret signing";

    @Test
    void readsPkcs8AndDerivesThePublicKey() {
        KeyPair parsed = SigningKeyPem.parse(TestKeys.pkcs8Pem(RSA), SOURCE);
        assertEquals(RSA.getPublic(), parsed.getPublic());
        assertEquals(RSA.getPrivate(), parsed.getPrivate());
    }

    @Test
    void readsPkcs1AsCertManagerWritesIt() {
        KeyPair parsed = SigningKeyPem.parse(TestKeys.pkcs1Pem(RSA), SOURCE);
        assertEquals(RSA.getPublic(), parsed.getPublic());
        assertEquals("PKCS#8", parsed.getPrivate().getFormat(), "stored as PKCS#8 by the key ring");
    }

    @Test
    void ignoresTextAroundThePemBlock() {
        String withCertificateFirst = "subject=CN=x\n" + TestKeys.pkcs8Pem(RSA) + "\ntrailing";
        assertEquals(RSA.getPublic(), SigningKeyPem.parse(withCertificateFirst, SOURCE).getPublic());
    }

    @Test
    void refusesKeysShorterThan2048Bits() {
        KeyMaterialException e = assertThrows(KeyMaterialException.class,
                () -> SigningKeyPem.parse(TestKeys.pkcs8Pem(TestKeys.rsa(1024)), SOURCE));
        assertEquals(SOURCE + " is a 1024-bit RSA key; at least 2048 bits are required", e.getMessage());
    }

    @Test
    void refusesOtherKeyTypesEncryptedKeysAndGarbage() {
        assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse(TestKeys.pkcs8Pem(TestKeys.ec()), SOURCE));
        assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse(TestKeys.pem("EC PRIVATE KEY", new byte[] {1, 2}), SOURCE));
        KeyMaterialException encrypted = assertThrows(KeyMaterialException.class,
                () -> SigningKeyPem.parse(TestKeys.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}), SOURCE));
        assertTrue(encrypted.getMessage().contains("encrypted"), encrypted.getMessage());
        assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse(TestKeys.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}), SOURCE));
        assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse(TestKeys.pem("PRIVATE KEY", new byte[] {1, 2, 3}), SOURCE));
        assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse("-----BEGIN PRIVATE KEY-----\n%%%\n-----END PRIVATE KEY-----", SOURCE));
        KeyMaterialException none = assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse("hello", SOURCE));
        assertEquals(SOURCE + " is not a PEM private key", none.getMessage());
    }

    @Test
    void errorMessagesNeverContainTheKey() {
        String pem = TestKeys.pkcs8Pem(TestKeys.rsa(1024));
        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> SigningKeyPem.parse(pem, SOURCE));
        assertFalse(e.getMessage().contains(pem.substring(40, 80)));
    }
}

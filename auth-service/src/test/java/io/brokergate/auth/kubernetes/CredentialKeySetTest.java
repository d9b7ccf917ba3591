package io.brokergate.auth.kubernetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.connections.CredentialCipher;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credential-key Secret: current encrypts, previous… entries decrypt, anything else is ignored. */
class CredentialKeySetTest {

    private static SecretEntries entries(Map<String, String> values) {
        return SecretEntries.of(TestKeys.secret("credential-key", values));
    }

    @Test
    void currentEncryptsAndPreviousEntriesDecryptInNameOrder() {
        CredentialKeySet keys = CredentialKeySet.from(entries(Map.of("current", TestKeys.credentialKey(1),
                "previous-2", TestKeys.credentialKey(3), "previous", TestKeys.credentialKey(2), "README", "ignored")), "current");
        assertArrayEquals(Base64.getDecoder().decode(TestKeys.credentialKey(1)), keys.current());
        assertEquals(2, keys.older().size());
        assertArrayEquals(Base64.getDecoder().decode(TestKeys.credentialKey(2)), keys.older().get(0));
        assertArrayEquals(Base64.getDecoder().decode(TestKeys.credentialKey(3)), keys.older().get(1));
        assertEquals(CredentialCipher.keyIdOf(Base64.getDecoder().decode(TestKeys.credentialKey(1))), keys.currentId());
    }

    @Test
    void toleratesTheNewlineThatEchoLeavesInTheValue() {
        CredentialKeySet keys = CredentialKeySet.from(entries(Map.of("current", TestKeys.credentialKey(1) + "\n")), "current");
        assertArrayEquals(Base64.getDecoder().decode(TestKeys.credentialKey(1)), keys.current());
    }

    @Test
    void theCurrentEntryIsConfigurable() {
        CredentialKeySet keys = CredentialKeySet.from(entries(Map.of("key", TestKeys.credentialKey(4))), "key");
        assertArrayEquals(Base64.getDecoder().decode(TestKeys.credentialKey(4)), keys.current());
        assertTrue(keys.older().isEmpty());
    }

    @Test
    void refusesMissingMalformedAndWrongSizedKeys() {
        assertEquals("Secret credential-key has no entry current", assertThrows(KeyMaterialException.class,
                () -> CredentialKeySet.from(entries(Map.of("previous", TestKeys.credentialKey(1))), "current")).getMessage());
        KeyMaterialException notBase64 = assertThrows(KeyMaterialException.class,
                () -> CredentialKeySet.from(entries(Map.of("current", "not base64 at all!")), "current"));
        assertTrue(notBase64.getMessage().startsWith("entry current of Secret credential-key is not a base64 credential key"));
        KeyMaterialException shortKey = assertThrows(KeyMaterialException.class, () -> CredentialKeySet.from(
                entries(Map.of("current", TestKeys.credentialKey(1), "previous", Base64.getEncoder().encodeToString(new byte[16]))),
                "current"));
        assertTrue(shortKey.getMessage().startsWith("entry previous of Secret credential-key holds 16 bytes"), shortKey.getMessage());
    }

    @Test
    void neitherTheSetNorTheEntriesPrintKeyMaterial() {
        SecretEntries secret = entries(Map.of("current", TestKeys.credentialKey(1)));
        CredentialKeySet keys = CredentialKeySet.from(secret, "current");
        assertFalse(secret.toString().contains(TestKeys.credentialKey(1)));
        assertFalse(keys.toString().contains(TestKeys.credentialKey(1)));
        assertTrue(keys.toString().contains(keys.currentId()));
    }
}

package io.brokergate.api.security.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialTest {

    private final ServiceCredential credential = ServiceCredential.of("brokergate-introspection", Optional.of("s:e c&ret")).orElseThrow();

    @Test
    void acceptsItsOwnHeaderAndNothingElse() {
        assertTrue(credential.accepts(credential.authorization()));
        assertTrue(credential.accepts("basic " + credential.authorization().substring(6)));
        assertFalse(credential.accepts(null));
        assertFalse(credential.accepts(""));
        assertFalse(credential.accepts("Bearer " + credential.authorization().substring(6)));
        assertFalse(credential.accepts("Basic !!!not-base64"));
        assertFalse(credential.accepts(basic("brokergate-introspection:wrong")));
        assertFalse(credential.accepts(basic("someone-else:s%3Ae+c%26ret")));
        assertFalse(credential.accepts(basic("no-colon")));
        assertFalse(credential.accepts("Basic " + "A".repeat(5000)));
    }

    @Test
    void noSecretMeansNoCredential() {
        assertEquals(Optional.empty(), ServiceCredential.of("id", Optional.empty()));
        assertEquals(Optional.empty(), ServiceCredential.of("id", Optional.of("  ")));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}

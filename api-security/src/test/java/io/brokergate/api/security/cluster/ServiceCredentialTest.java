package io.brokergate.api.security.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialTest {

    private final ServiceCredential credential = new ServiceCredential("brokergate-introspection", Optional.of("s:e c&ret"));

    @Test
    void acceptsItsOwnHeaderAndNothingElse() {
        String header = credential.authorization().orElseThrow();
        assertTrue(credential.accepts(header));
        assertTrue(credential.accepts(List.of(header)));
        assertFalse(credential.accepts(List.of(header, header)), "two Authorization headers");
        assertFalse(credential.accepts(List.of()));
        assertTrue(credential.accepts("basic " + header.substring(6)));
        assertFalse(credential.accepts((String) null));
        assertFalse(credential.accepts(""));
        assertFalse(credential.accepts("Bearer " + header.substring(6)));
        assertFalse(credential.accepts("Basic !!!not-base64"));
        assertFalse(credential.accepts(basic("brokergate-introspection:wrong")));
        assertFalse(credential.accepts(basic("someone-else:s%3Ae+c%26ret")));
        assertFalse(credential.accepts(basic("no-colon")));
        assertFalse(credential.accepts("Basic " + "A".repeat(5000)));
    }

    @Test
    void noSecretMeansNothingIsSentAndNothingAccepted() {
        for (Optional<String> none : List.of(Optional.<String>empty(), Optional.of("  "))) {
            ServiceCredential c = new ServiceCredential("brokergate-introspection", none);
            assertEquals(Optional.empty(), c.authorization());
            assertFalse(c.accepts(basic("brokergate-introspection:")));
            assertFalse(c.accepts(basic("brokergate-introspection:  ")));
        }
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}

package io.brokergate.remote.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialTest {

    private final ServiceCredential credential = new ServiceCredential("brokergate-introspection", Optional.of("s3cret"));

    @Test
    void acceptsExactlyItsOwnBasicCredential() {
        String header = credential.authorization().orElseThrow();
        assertEquals("Basic YnJva2VyZ2F0ZS1pbnRyb3NwZWN0aW9uOnMzY3JldA==", header);
        assertTrue(credential.accepts(List.of(header)));
        assertFalse(credential.accepts(List.of(header, header)), "two Authorization headers");
        assertFalse(credential.accepts(List.of()));
        assertFalse(credential.accepts(List.of(new ServiceCredential("brokergate-introspection", Optional.of("s3cres"))
                .authorization().orElseThrow())));
        assertFalse(credential.accepts(List.of("Bearer s3cret")));
    }

    @Test
    void withoutASecretNothingIsSentAndNothingAccepted() {
        ServiceCredential none = new ServiceCredential("brokergate-introspection", Optional.of(" "));
        assertEquals(Optional.empty(), none.authorization());
        assertFalse(none.accepts(List.of("Basic YnJva2VyZ2F0ZS1pbnRyb3NwZWN0aW9uOg==")));
    }
}

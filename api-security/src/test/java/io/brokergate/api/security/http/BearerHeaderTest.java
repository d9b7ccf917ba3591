package io.brokergate.api.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.InvalidCredentialException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerHeaderTest {

    private static String credential(String... headers) {
        return BearerHeader.credential(List.of(headers));
    }

    private static void malformed(CredentialFailure expected, String... headers) {
        assertEquals(expected, assertThrows(InvalidCredentialException.class, () -> credential(headers)).failure());
    }

    @Test
    void readsTheCredentialWhateverTheSchemeCase() {
        assertEquals("abc.def-ghi_jkl~mno+pqr/stu==", credential("Bearer abc.def-ghi_jkl~mno+pqr/stu=="));
        assertEquals("bgk_1_2", credential("bearer bgk_1_2"));
        assertEquals("x", credential("BEARER   x"));
    }

    @Test
    void otherSchemesAndSchemelessValuesAreNotBearerCredentials() {
        assertNull(BearerHeader.credential(List.of()));
        assertNull(credential("Basic dXNlcjpwYXNz"));
        assertNull(credential("eyJhbGciOiJSUzI1NiJ9.e30.sig"));
        assertNull(credential("BearerToken x"));
        assertNull(credential("DPoP x"));
    }

    @Test
    void malformedBearerHeadersAreRefused() {
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer   ");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer a b");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer a\tb");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer t\u00f6k\u00e9n");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer ===");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer a=b");
        malformed(CredentialFailure.MALFORMED_HEADER, "Bearer a", "Bearer b");
        malformed(CredentialFailure.MALFORMED_HEADER, "Basic a", "Bearer b");
        malformed(CredentialFailure.CREDENTIAL_TOO_LONG, "Bearer " + "a".repeat(BearerHeader.MAX_CREDENTIAL_LENGTH + 1));
        assertEquals(BearerHeader.MAX_CREDENTIAL_LENGTH, credential("Bearer " + "a".repeat(BearerHeader.MAX_CREDENTIAL_LENGTH)).length());
    }
}

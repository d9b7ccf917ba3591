package io.brokergate.auth.users;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void verifiesTheRightPasswordOnly() {
        String phc = hasher.hash("correct horse battery staple");
        assertTrue(phc.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
        assertTrue(hasher.verify("correct horse battery staple", phc));
        assertFalse(hasher.verify("correct horse battery stapler", phc));
        assertFalse(hasher.verify("", phc));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("pw"), hasher.hash("pw"));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String bad : new String[] {null, "", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$x=1$AA$AA", "plain", "$argon2id$v=19$m=1024,t=1,p=1$!!$!!"}) {
            assertFalse(hasher.verify("pw", bad));
        }
    }
}

package io.brokergate.auth.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void keysHaveThePrefixAnIdAndA256BitSecret() {
        String id = ApiKeyFormat.newId();
        String secret = ApiKeyFormat.newSecret();
        String key = ApiKeyFormat.format(id, secret);
        assertTrue(key.startsWith("bgk_" + id + "_"));
        assertEquals(43, secret.length());
        assertTrue(secret.length() * Math.log(62) / Math.log(2) >= 256, "secret must carry at least 256 bits");
        ApiKeyFormat.Parsed parsed = ApiKeyFormat.parse(key).orElseThrow();
        assertEquals(id, parsed.id());
        assertEquals(secret, parsed.secret());
        assertFalse(parsed.toString().contains(secret));
    }

    @Test
    void everyGeneratedCharacterIsBase62AndSecretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String s = ApiKeyFormat.newSecret();
            assertTrue(s.matches("[0-9A-Za-z]{43}"), s);
            assertTrue(seen.add(s));
        }
    }

    @Test
    void anythingNotShapedExactlyLikeAKeyIsRejectedWithoutLookingItUp() {
        String good = ApiKeyFormat.format(ApiKeyFormat.newId(), ApiKeyFormat.newSecret());
        assertTrue(ApiKeyFormat.parse(good).isPresent());
        for (String bad : new String[] {null, "", "bgk_", good + "x", good.substring(1), "BGK_" + good.substring(4),
                good.substring(0, 20) + "-" + good.substring(21), good.replace(good.charAt(30), '/'),
                good.substring(0, 63) + "\u00e9", "bgk_" + "a".repeat(60)}) {
            assertTrue(ApiKeyFormat.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void secretsCompareByTheirSha256() {
        String secret = ApiKeyFormat.newSecret();
        String hash = ApiKeyFormat.sha256Hex(secret);
        assertEquals(64, hash.length());
        assertNotEquals(secret, hash);
        assertTrue(ApiKeyFormat.secretMatches(secret, hash));
        assertFalse(ApiKeyFormat.secretMatches(ApiKeyFormat.newSecret(), hash));
        assertFalse(ApiKeyFormat.secretMatches(secret, "not-hex"));
        assertFalse(ApiKeyFormat.secretMatches(secret, hash.substring(2)));
    }
}

package io.brokergate.auth.keys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.VerificationKeys;
import io.brokergate.auth.oauth.CreatedClient;
import io.brokergate.auth.oauth.JwksTokens;
import io.brokergate.auth.oauth.OAuthFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The RS256 key ring: JWKS format, rotation by kid, old keys verifying until retired. */
@QuarkusTest
class KeyRotationTest {

    @Inject
    KeyRing ring;
    @Inject
    VerificationKeys verificationKeys;
    @Inject
    OAuthFixtures fixtures;
    @Inject
    AgroalDataSource db;

    private String clientToken(CreatedClient client) {
        return given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String kidOf(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        return JsonPath.from(header).getString("kid");
    }

    private static List<String> jwksKids() {
        return given().get("/oauth/jwks").then().statusCode(200).extract().jsonPath().getList("keys.kid");
    }

    @Test
    void jwksPublishesRsaSigningKeysWithTheirKid() {
        JsonPath jwks = given().get("/oauth/jwks").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> keys = jwks.getList("keys");
        assertFalse(keys.isEmpty());
        for (Map<String, String> key : keys) {
            assertEquals("RSA", key.get("kty"));
            assertEquals("RS256", key.get("alg"));
            assertEquals("sig", key.get("use"));
            assertEquals("AQAB", key.get("e"));
            assertTrue(Base64.getUrlDecoder().decode(key.get("n")).length >= 256, "2048-bit modulus");
            assertFalse(key.containsKey("d"), "never a private member");
        }
        assertTrue(jwksKids().contains(ring.active().kid()));
    }

    @Test
    void tokensOfTheOldKeyVerifyAfterRotationUntilTheKeyRetires() throws Exception {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        String before = clientToken(client);
        String oldKid = kidOf(before);

        SigningKey fresh = ring.rotate();
        assertNotEquals(oldKid, fresh.kid());
        String after = clientToken(client);
        assertEquals(fresh.kid(), kidOf(after), "new tokens use the new key");

        // Both keys are published; the old token still verifies everywhere.
        assertTrue(jwksKids().containsAll(List.of(oldKid, fresh.kid())));
        JwksTokens.verify(before);
        JwksTokens.verify(after);
        assertTrue(verificationKeys.forKid(oldKid).await().indefinitely().isPresent());
        assertEquals(true, introspect(before));

        // The old key stays until every token it signed has expired.
        Instant retireAfter = retireAfter(oldKid);
        assertTrue(retireAfter.isAfter(Instant.now().plus(Duration.ofMinutes(15))), "at least the access-token lifetime: " + retireAfter);

        // Time passes (simulated): the old key retires and leaves the JWKS; its tokens stop verifying.
        setRetireAfter(oldKid, Instant.now().minusSeconds(1));
        ring.refresh();
        assertFalse(jwksKids().contains(oldKid));
        assertTrue(jwksKids().contains(fresh.kid()));
        Assertions.assertThrows(InvalidJwtException.class, () -> JwksTokens.verify(before));
        assertTrue(verificationKeys.forKid(oldKid).await().indefinitely().isEmpty());
        assertEquals(false, introspect(before));
        JwksTokens.verify(after);
    }

    @Test
    void theInProcessVerificationKeysAnswerKnownKidsAndNothingElse() {
        RSAPublicKey active = ring.active().publicKey();
        assertEquals(active, verificationKeys.forKid(ring.active().kid()).await().indefinitely().orElseThrow());
        assertTrue(verificationKeys.forKid("no-such-kid").await().indefinitely().isEmpty());
        assertTrue(verificationKeys.forKid(null).await().indefinitely().isEmpty());
    }

    @Test
    void privateKeysAreStoredEncrypted() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT private_key FROM signing_keys WHERE kid = ?")) {
            ps.setString(1, ring.active().kid());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                String pkcs8 = Base64.getEncoder().encodeToString(ring.active().privateKey().getEncoded());
                assertFalse(stored.contains(pkcs8.substring(0, 40)), "not the plain PKCS#8");
            }
        }
    }

    private static boolean introspect(String token) {
        return given().auth().preemptive().basic("brokergate-introspection", "test-introspection-secret").formParam("token", token)
                .post("/oauth/introspect").then().statusCode(200).extract().jsonPath().getBoolean("active");
    }

    private Instant retireAfter(String kid) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT retire_after FROM signing_keys WHERE kid = ?")) {
            ps.setString(1, kid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private void setRetireAfter(String kid, Instant at) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE signing_keys SET retire_after = ? WHERE kid = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, kid);
            assertEquals(1, ps.executeUpdate());
        }
    }
}

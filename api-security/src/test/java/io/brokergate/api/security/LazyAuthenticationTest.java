package io.brokergate.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same answers when an application turns proactive authentication off: then only protected
 * endpoints look at the credential, so a stale token on a public endpoint is ignored.
 */
@QuarkusTest
@TestProfile(LazyAuthenticationTest.Lazy.class)
@WithTestResource(FakeAuthServerResource.class)
class LazyAuthenticationTest {

    public static final class Lazy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.proactive", "false");
        }
    }

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishKeys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void protectedEndpointsAnswerAsWithProactiveAuthentication() {
        given().header("Authorization", "Bearer " + TestTokens.token("trade").rs256()).get("/probe/trade").then().statusCode(200);
        given().get("/probe/trade").then().statusCode(401).header("WWW-Authenticate", is("Bearer realm=\"brokergate\""));
        var expired = given().header("Authorization", "Bearer " + TestTokens.token("trade").expiredAgo(Duration.ofHours(1)).rs256())
                .get("/probe/trade").then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("detail", is("token expired")).extract();
        assertEquals(1, expired.headers().getValues("WWW-Authenticate").size());
        given().header("Authorization", "Bearer " + TestTokens.token("quotes:read").rs256()).get("/probe/trade")
                .then().statusCode(403).body("code", is("forbidden"));
        given().header("Authorization", "Bearer " + TestTokens.token("trade").tenant("tenant-a").rs256())
                .get("/probe/accounts/tenant-b/acc-1").then().statusCode(404);
    }

    @Test
    void publicEndpointsIgnoreAStaleCredential() {
        given().header("Authorization", "Bearer not-a-jwt").get("/probe/public").then().statusCode(200);
    }
}

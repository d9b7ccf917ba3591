package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientCredentialsGrantTest {

    @Inject
    OAuthFixtures fixtures;

    @Test
    void basicAndPostAuthenticationBothIssueAClientToken() throws Exception {
        String tenant = fixtures.tenant();
        CreatedClient client = fixtures.serviceClient(tenant, Set.of("quotes:read", "trade"));
        String token = given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer")).body("expires_in", greaterThanOrEqualTo(60))
                .body("refresh_token", nullValue()).body("scope", equalTo("quotes:read trade"))
                .extract().path("access_token");
        JwtClaims claims = JwksTokens.verify(token);
        assertEquals(client.clientId(), claims.getSubject());
        assertEquals("CLIENT", claims.getStringClaimValue("bg_kind"));
        assertEquals(tenant, claims.getStringClaimValue("tenant"));

        given().formParam("grant_type", "client_credentials").formParam("client_id", client.clientId())
                .formParam("client_secret", client.clientSecret()).formParam("scope", "quotes:read")
                .post("/oauth/token").then().statusCode(200).body("scope", equalTo("quotes:read"));
    }

    @Test
    void wrongOrMissingCredentialsAreInvalidClientWithAChallenge() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        given().auth().preemptive().basic(client.clientId(), "bgs_wrong").formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", containsString("Basic"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", client.clientId())
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "no-such-client").formParam("client_secret", "x")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreRefused() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .formParam("client_secret", client.clientSecret()).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void scopeBeyondTheClientIsInvalidScope() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .formParam("scope", "quotes:read trade").post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .formParam("scope", "platform").post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorized() {
        String tenant = fixtures.tenant();
        CreatedClient codeClient = fixtures.tradingViewClient(tenant);
        given().auth().preemptive().basic(codeClient.clientId(), codeClient.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("unauthorized_client"));
        CreatedClient publicClient = fixtures.publicClient(tenant);
        given().formParam("grant_type", "client_credentials").formParam("client_id", publicClient.clientId())
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }
}

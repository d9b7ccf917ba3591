package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Bad input gets RFC 6749 errors (or an error page), never a 500 or a stack trace. */
@QuarkusTest
class MalformedRequestTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MEGABYTE = "grant_type=client_credentials&junk=" + "x".repeat(1 << 20);

    @TestHTTPResource("/")
    URI root;
    @Inject
    OAuthFixtures fixtures;

    private static void invalidRequest(io.restassured.response.Response r) {
        r.then().statusCode(400).contentType(startsWith("application/json")).header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_request")).body(not(containsString("Exception")));
    }

    @Test
    void theTokenEndpointAnswersRfc6749Errors() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        var auth = given().auth().preemptive().basic(client.clientId(), client.clientSecret());
        invalidRequest(given().contentType(FORM).body("").post("/oauth/token"));
        invalidRequest(given().contentType(FORM).body("client_id=x").post("/oauth/token"));
        invalidRequest(given().contentType(FORM).body(MEGABYTE).post("/oauth/token"));
        invalidRequest(given().contentType(FORM).body("grant_type=client_credentials&grant_type=client_credentials").post("/oauth/token"));
        invalidRequest(given().contentType(FORM).body("grant_type=%zz").post("/oauth/token"));
        invalidRequest(given().contentType("application/json").body("{\"grant_type\":\"client_credentials\"}").post("/oauth/token"));
        invalidRequest(given().body("grant_type=client_credentials").contentType("text/plain").post("/oauth/token"));
        invalidRequest(auth.contentType(FORM).body("grant_type=client_credentials&scope=a&scope=b").post("/oauth/token"));
        given().contentType(FORM).body("grant_type=password&username=a&password=b").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().contentType(FORM).body("grant_type=authorization_code").auth().preemptive().basic(client.clientId(), client.clientSecret())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("unauthorized_client"));
        invalidRequest(given().contentType(FORM).body("grant_type=refresh_token").post("/oauth/token"));
        given().contentType(FORM).body("grant_type=refresh_token&refresh_token=bgr_unknown").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().contentType(FORM).header("Authorization", "Basic !!!").body("grant_type=client_credentials").post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void revocationAndIntrospectionRefuseMalformedBodiesTheSameWay() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("admin"));
        invalidRequest(given().contentType(FORM).body("token=a&token=b").auth().preemptive().basic(client.clientId(), client.clientSecret())
                .post("/oauth/revoke"));
        invalidRequest(given().contentType(FORM).body("token=" + "x".repeat(1 << 20)).post("/oauth/introspect"));
        invalidRequest(given().contentType("application/json").body("{}").post("/oauth/introspect"));
    }

    @Test
    void theLoginEndpointsAnswerPagesNotStackTraces() {
        Browser browser = new Browser(root);
        Browser.Page huge = browser.postRaw("/oauth/authorize/login", "login=" + "x".repeat(1 << 20));
        Assertions.assertEquals(400, huge.status());
        Assertions.assertFalse(huge.body().contains("Exception"));
        // Broken percent-encoding in the request target is refused by the HTTP layer already: a 400, not a 500.
        Assertions.assertTrue(rawStatusLine("/oauth/authorize?client_id=%zz").contains(" 400 "));
        Browser.Page nothing = browser.get("/oauth/authorize");
        Assertions.assertEquals(400, nothing.status());
        Assertions.assertNotNull(nothing.doc().getElementById("message"));
        Assertions.assertTrue(rawStatusLine("/oauth/logout?redirect_uri=%zz").contains(" 400 "));
    }

    /** java.net.URI refuses broken percent-encoding, so such a request goes over a plain socket. */
    private String rawStatusLine(String target) {
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

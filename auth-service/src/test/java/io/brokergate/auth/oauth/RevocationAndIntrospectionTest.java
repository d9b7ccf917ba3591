package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.auth.oauth.OAuthFixtures.TestUser;
import io.brokergate.auth.tokens.PrefixOpaqueTokenIntrospector;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevocationAndIntrospectionTest {

    @TestHTTPResource("/")
    URI root;
    @Inject
    OAuthFixtures fixtures;

    private JsonPath codeFlowTokens(CreatedClient client, TestUser user) {
        String code = AuthorizationCodeFlowTest.authorize(new Browser(root), "response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=" + AuthorizationCodeFlowTest.enc(OAuthFixtures.TV_REDIRECT), user).get("code");
        return AuthorizationCodeFlowTest.exchange(client, code, OAuthFixtures.TV_REDIRECT).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void introspectionDescribesActiveAccessAndRefreshTokens() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        JsonPath tokens = codeFlowTokens(client, user);
        JsonPath access = AuthorizationCodeFlowTest.introspect(tokens.getString("access_token"));
        assertEquals(true, access.getBoolean("active"));
        assertEquals(user.user().id(), access.getString("sub"));
        assertEquals(tenant, access.getString("tenant"));
        assertEquals(client.clientId(), access.getString("client_id"));
        assertEquals("Bearer", access.getString("token_type"));
        assertEquals("USER", access.getString("bg_kind"));
        assertEquals("*", access.getList("accts").get(0));
        assertEquals(Set.of("quotes:read", "accounts:read", "trade"), Set.of(access.getString("scope").split(" ")));
        JsonPath refresh = AuthorizationCodeFlowTest.introspect(tokens.getString("refresh_token"));
        assertEquals(true, refresh.getBoolean("active"));
        assertEquals("refresh_token", refresh.getString("token_type"));
    }

    @Test
    void revokingAnAccessTokenDeactivatesItAndUnknownTokensAreFine() {
        String tenant = fixtures.tenant();
        CreatedClient client = fixtures.serviceClient(tenant, Set.of("quotes:read"));
        String token = given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        // Another client cannot revoke it (answered 200 all the same).
        CreatedClient other = fixtures.serviceClient(tenant, Set.of("quotes:read"));
        given().auth().preemptive().basic(other.clientId(), other.clientSecret()).formParam("token", token).post("/oauth/revoke")
                .then().statusCode(200);
        assertEquals(true, AuthorizationCodeFlowTest.introspect(token).getBoolean("active"));

        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("token", token)
                .formParam("token_type_hint", "access_token").post("/oauth/revoke").then().statusCode(200);
        assertEquals(false, AuthorizationCodeFlowTest.introspect(token).getBoolean("active"));

        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("token", "bgr_unknown").post("/oauth/revoke")
                .then().statusCode(200);
        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("token", "garbage").post("/oauth/revoke")
                .then().statusCode(200);
    }

    @Test
    void revocationNeedsClientAuthenticationAndAToken() {
        CreatedClient client = fixtures.serviceClient(fixtures.tenant(), Set.of("quotes:read"));
        given().formParam("token", "x").post("/oauth/revoke").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).post("/oauth/revoke")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void revokingARefreshTokenRevokesItsFamily() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        JsonPath tokens = codeFlowTokens(client, user);
        given().formParam("client_id", client.clientId()).formParam("client_secret", client.clientSecret())
                .formParam("token", tokens.getString("refresh_token")).post("/oauth/revoke").then().statusCode(200);
        assertEquals(false, AuthorizationCodeFlowTest.introspect(tokens.getString("refresh_token")).getBoolean("active"));
        assertEquals(false, AuthorizationCodeFlowTest.introspect(tokens.getString("access_token")).getBoolean("active"));
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.getString("refresh_token"))
                .formParam("client_secret", client.clientSecret()).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void introspectionNeedsTheServiceSecretOrAnAdminClient() {
        String tenant = fixtures.tenant();
        CreatedClient plain = fixtures.serviceClient(tenant, Set.of("quotes:read"));
        String token = given().auth().preemptive().basic(plain.clientId(), plain.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");

        given().formParam("token", token).post("/oauth/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("brokergate-introspection", "wrong").formParam("token", token).post("/oauth/introspect")
                .then().statusCode(401);
        given().auth().preemptive().basic(plain.clientId(), plain.clientSecret()).formParam("token", token).post("/oauth/introspect")
                .then().statusCode(401);

        CreatedClient admin = fixtures.serviceClient(tenant, Set.of("admin"));
        given().auth().preemptive().basic(admin.clientId(), admin.clientSecret()).formParam("token", token).post("/oauth/introspect")
                .then().statusCode(200).body("active", equalTo(true)).body("tenant", equalTo(tenant));
        // Another tenant's admin sees the token as inactive, like an unknown one.
        CreatedClient foreignAdmin = fixtures.serviceClient(fixtures.tenant(), Set.of("admin"));
        given().auth().preemptive().basic(foreignAdmin.clientId(), foreignAdmin.clientSecret()).formParam("token", token)
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(false)).body("size()", equalTo(1));
    }

    @Test
    void unknownFormatsAreInactiveAndOpaqueIntrospectorsAreAsked() {
        assertEquals(false, AuthorizationCodeFlowTest.introspect("no-idea-what-this-is").getBoolean("active"));
        assertEquals(false, AuthorizationCodeFlowTest.introspect("a.b.c").getBoolean("active"));
        assertEquals(false, AuthorizationCodeFlowTest.introspect("bgr_nope").getBoolean("active"));
        assertEquals(false, AuthorizationCodeFlowTest.introspect("bgtest_other").getBoolean("active"));
        JsonPath key = AuthorizationCodeFlowTest.introspect(PrefixOpaqueTokenIntrospector.ACTIVE);
        assertEquals(true, key.getBoolean("active"));
        assertEquals("api_key", key.getString("token_type"));
        given().auth().preemptive().basic("brokergate-introspection", "test-introspection-secret").formParam("token", "x".repeat(9000))
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void discoveryNamesEveryEndpoint() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(JwksTokens.ISSUER))
                .body("token_endpoint", equalTo(JwksTokens.ISSUER + "/oauth/token"))
                .body("authorization_endpoint", equalTo(JwksTokens.ISSUER + "/oauth/authorize"))
                .body("jwks_uri", equalTo(JwksTokens.ISSUER + "/oauth/jwks"))
                .body("revocation_endpoint", equalTo(JwksTokens.ISSUER + "/oauth/revoke"))
                .body("introspection_endpoint", equalTo(JwksTokens.ISSUER + "/oauth/introspect"))
                .body("end_session_endpoint", equalTo(JwksTokens.ISSUER + "/oauth/logout"))
                .body("response_types_supported", hasItem("token"))
                .body("code_challenge_methods_supported", equalTo(java.util.List.of("S256")))
                .body("token_endpoint_auth_methods_supported", hasItem("client_secret_basic"))
                .body("grant_types_supported", hasItem("urn:brokergate:oauth:grant-type:personal-jwt"))
                .body("scopes_supported", hasItem("trade"));
    }
}

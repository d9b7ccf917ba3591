package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.oauth.OAuthFixtures.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The code flow end to end through the login page, with PKCE, refresh rotation and replay/reuse detection. */
@QuarkusTest
class AuthorizationCodeFlowTest {

    static final String SERVICE_AUTH_ID = "brokergate-introspection";
    static final String SERVICE_AUTH_SECRET = "test-introspection-secret";

    @TestHTTPResource("/")
    URI root;
    @Inject
    OAuthFixtures fixtures;
    @Inject
    io.agroal.api.AgroalDataSource db;

    /** Logs in through the page and returns the redirect's query parameters. */
    static Map<String, String> authorize(Browser browser, String query, TestUser user) {
        Browser.Page page = browser.get("/oauth/authorize?" + query);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.isLoginForm(), "login page expected");
        Browser.Page after = browser.follow(browser.submitLogin(page, user.login(), user.password()));
        assertEquals(303, after.status(), after.body());
        String location = after.location().orElseThrow();
        return Browser.params(location, false);
    }

    static JsonPath introspect(String token) {
        return given().auth().preemptive().basic(SERVICE_AUTH_ID, SERVICE_AUTH_SECRET).formParam("token", token)
                .post("/oauth/introspect").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void publicClientWithPkceGetsTokensAndRefreshRotates() throws Exception {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.publicClient(tenant);
        String verifier = "v-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Pkce.challengeOf(verifier).orElseThrow();
        String state = "st @/?&=+é" + UUID.randomUUID();
        Map<String, String> redirect = authorize(new Browser(root), "response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=" + enc(OAuthFixtures.REDIRECT) + "&scope=" + enc("quotes:read trade") + "&state=" + enc(state)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256", user);
        assertEquals(state, redirect.get("state"), "state comes back unchanged");
        String code = redirect.get("code");

        JsonPath tokens = given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", OAuthFixtures.REDIRECT).formParam("client_id", client.clientId())
                .formParam("code_verifier", verifier).post("/oauth/token")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", greaterThanOrEqualTo(60))
                .body("refresh_token_expires_in", greaterThanOrEqualTo(60)).body("scope", equalTo("quotes:read trade"))
                .extract().jsonPath();
        JwtClaims claims = JwksTokens.verify(tokens.getString("access_token"));
        assertEquals(user.user().id(), claims.getSubject());
        assertEquals(client.clientId(), claims.getStringClaimValue("client_id"));
        assertEquals("quotes:read trade", claims.getStringClaimValue("scope"));

        String refresh1 = tokens.getString("refresh_token");
        JsonPath refreshed = given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh1)
                .formParam("client_id", client.clientId()).post("/oauth/token").then().statusCode(200).extract().jsonPath();
        assertNotEquals(refresh1, refreshed.getString("refresh_token"), "rotated");
        assertNotEquals(tokens.getString("access_token"), refreshed.getString("access_token"));
        assertEquals(true, introspect(tokens.getString("access_token")).getBoolean("active"), "the old access token keeps working");
    }

    @Test
    void tradingViewCodeFlowWithSecretOnlyRefreshAndReuseDetection() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Map<String, String> redirect = authorize(new Browser(root), "response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT) + "&state=abc&lang=en", user);
        JsonPath tokens = given().formParam("grant_type", "authorization_code").formParam("code", redirect.get("code"))
                .formParam("redirect_uri", OAuthFixtures.TV_REDIRECT).formParam("client_id", client.clientId())
                .formParam("client_secret", client.clientSecret()).post("/oauth/token")
                .then().statusCode(200).body("refresh_token", notNullValue()).extract().jsonPath();

        // TradingView's refresh request: grant_type, refresh_token, client_secret — no client_id.
        String refresh1 = tokens.getString("refresh_token");
        JsonPath second = given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh1)
                .formParam("client_secret", client.clientSecret()).post("/oauth/token").then().statusCode(200).extract().jsonPath();
        String refresh2 = second.getString("refresh_token");
        assertEquals(true, introspect(second.getString("access_token")).getBoolean("active"));
        assertEquals(true, introspect(tokens.getString("access_token")).getBoolean("active"), "old access token still works");

        // The wrong secret is not enough to use the refresh token.
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh2).formParam("client_secret", "bgs_wrong")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));

        // Reuse of the rotated token: refused, and the whole family dies.
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh1).formParam("client_secret", client.clientSecret())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh2).formParam("client_secret", client.clientSecret())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(false, introspect(second.getString("access_token")).getBoolean("active"), "family access tokens revoked");
        assertEquals(false, introspect(tokens.getString("access_token")).getBoolean("active"));
        assertEquals(false, introspect(refresh2).getBoolean("active"));
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItIssued() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        String code = authorize(new Browser(root), "response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT) + "&state=s", user).get("code");
        JsonPath first = exchange(client, code, OAuthFixtures.TV_REDIRECT).then().statusCode(200).extract().jsonPath();
        exchange(client, code, OAuthFixtures.TV_REDIRECT).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(false, introspect(first.getString("access_token")).getBoolean("active"));
        assertEquals(false, introspect(first.getString("refresh_token")).getBoolean("active"));
    }

    @Test
    void pkceIsRequiredForPublicClientsAndMustMatch() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.publicClient(tenant);
        Browser browser = new Browser(root);
        // Missing challenge: an error back to the (registered) redirect URI, no login page.
        Browser.Page noPkce = browser.get("/oauth/authorize?response_type=code&client_id=" + client.clientId() + "&state=x");
        assertEquals(302, noPkce.status());
        Map<String, String> error = Browser.params(noPkce.location().orElseThrow(), false);
        assertEquals("invalid_request", error.get("error"));
        assertEquals("x", error.get("state"));
        // plain is not accepted.
        Browser.Page plain = browser.get("/oauth/authorize?response_type=code&client_id=" + client.clientId()
                + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain");
        assertEquals("invalid_request", Browser.params(plain.location().orElseThrow(), false).get("error"));

        String verifier = "right-" + UUID.randomUUID() + UUID.randomUUID();
        String query = "response_type=code&client_id=" + client.clientId() + "&code_challenge=" + Pkce.challengeOf(verifier).orElseThrow()
                + "&code_challenge_method=S256";
        String code = authorize(browser, query, user).get("code");
        given().formParam("grant_type", "authorization_code").formParam("code", code).formParam("client_id", client.clientId())
                .formParam("code_verifier", "wrong-" + UUID.randomUUID() + UUID.randomUUID()).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        // The failed attempt burnt the code: the right verifier no longer helps.
        given().formParam("grant_type", "authorization_code").formParam("code", code).formParam("client_id", client.clientId())
                .formParam("code_verifier", verifier).post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));

        String code2 = authorize(new Browser(root), query, user).get("code");
        given().formParam("grant_type", "authorization_code").formParam("code", code2).formParam("client_id", client.clientId())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void confidentialClientsMayUsePkceAndItIsVerified() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        String verifier = "conf-" + UUID.randomUUID() + UUID.randomUUID();
        String code = authorize(new Browser(root), "response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.REDIRECT) + "&code_challenge=" + Pkce.challengeOf(verifier).orElseThrow() + "&code_challenge_method=S256",
                user).get("code");
        exchange(client, code, OAuthFixtures.REDIRECT).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void scopesCannotEscalate() {
        String tenant = fixtures.tenant();
        TestUser reader = fixtures.user(tenant, Set.of("quotes:read"));
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);
        // Beyond the client's allowance: invalid_scope before any login.
        Browser.Page admin = browser.get("/oauth/authorize?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT) + "&scope=admin&state=q");
        assertEquals("invalid_scope", Browser.params(admin.location().orElseThrow(), false).get("error"));
        // Beyond the user's scopes: narrowed to what the user holds.
        String code = authorize(browser, "response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT) + "&scope=" + enc("quotes:read trade"), reader).get("code");
        JsonPath tokens = exchange(client, code, OAuthFixtures.TV_REDIRECT).then().statusCode(200).body("scope", equalTo("quotes:read"))
                .extract().jsonPath();
        // A refresh cannot widen the grant.
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.getString("refresh_token"))
                .formParam("scope", "quotes:read trade").formParam("client_id", client.clientId()).formParam("client_secret", client.clientSecret())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
        // …and the refused request did not spend the token.
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.getString("refresh_token"))
                .formParam("client_id", client.clientId()).formParam("client_secret", client.clientSecret())
                .post("/oauth/token").then().statusCode(200).body("scope", equalTo("quotes:read"));
    }

    @Test
    void aCodeIsBoundToItsClientAndRedirectUri() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        CreatedClient other = fixtures.tradingViewClient(tenant);
        String code = authorize(new Browser(root), "response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT), user).get("code");
        exchange(other, code, OAuthFixtures.TV_REDIRECT).then().statusCode(400).body("error", equalTo("invalid_grant"));
        String code2 = authorize(new Browser(root), "response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT), user).get("code");
        exchange(client, code2, OAuthFixtures.REDIRECT).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aUserOfAnotherTenantCannotSignInToThisClient() {
        CreatedClient client = fixtures.tradingViewClient(fixtures.tenant());
        TestUser stranger = fixtures.user(fixtures.tenant(), OAuthFixtures.TRADING);
        Browser browser = new Browser(root);
        Browser.Page page = browser.get("/oauth/authorize?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT));
        Browser.Page after = browser.submitLogin(page, stranger.login(), stranger.password());
        assertEquals(200, after.status());
        assertTrue(after.isLoginForm());
        assertEquals("invalid login or password", after.doc().getElementById("error").text());
        assertFalse(browser.cookie("bg_session").isPresent());
    }

    @Test
    void aDisabledUserLosesRefreshAndSilentSignIn() throws Exception {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);
        String code = authorize(browser, "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT),
                user).get("code");
        JsonPath tokens = exchange(client, code, OAuthFixtures.TV_REDIRECT).then().statusCode(200).extract().jsonPath();
        try (var c = db.getConnection(); var ps = c.prepareStatement("UPDATE users SET disabled = TRUE WHERE id = ?")) {
            ps.setString(1, user.user().id());
            ps.executeUpdate();
        }
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.getString("refresh_token"))
                .formParam("client_secret", client.clientSecret()).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(false, introspect(tokens.getString("access_token")).getBoolean("active"), "the family is revoked");
        Browser.Page silent = browser.get("/oauth/authorize?response_type=token&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT) + "&prompt=none");
        assertEquals("login_required", Browser.params(silent.location().orElseThrow(), true).get("error"));
    }

    static io.restassured.response.Response exchange(CreatedClient client, String code, String redirectUri) {
        return given().formParam("grant_type", "authorization_code").formParam("code", code).formParam("redirect_uri", redirectUri)
                .auth().preemptive().basic(client.clientId(), client.clientSecret()).post("/oauth/token");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

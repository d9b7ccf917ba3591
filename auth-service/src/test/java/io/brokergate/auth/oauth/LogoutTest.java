package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.oauth.OAuthFixtures.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TradingView's code-flow logout: ends the session, revokes the refresh family, redirects only to allow-listed URIs. */
@QuarkusTest
class LogoutTest {

    @TestHTTPResource("/")
    URI root;
    @Inject
    OAuthFixtures fixtures;

    private static String enc(String s) {
        return AuthorizationCodeFlowTest.enc(s);
    }

    @Test
    void logoutEndsTheSessionRevokesTheGrantAndRedirectsToTheAllowListedUri() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);
        Map<String, String> redirect = AuthorizationCodeFlowTest.authorize(browser, "response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT), user);
        JsonPath tokens = AuthorizationCodeFlowTest.exchange(client, redirect.get("code"), OAuthFixtures.TV_REDIRECT)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(browser.cookie("bg_session").isPresent());

        Browser.Page out = browser.get("/oauth/logout?client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.LOGOUT_REDIRECT));
        assertEquals(302, out.status());
        assertEquals(OAuthFixtures.LOGOUT_REDIRECT, out.location().orElseThrow());
        assertFalse(browser.cookie("bg_session").isPresent(), "session cookie cleared");

        // The session is over server-side too, and the integration's tokens are revoked.
        Browser.Page silent = browser.get("/oauth/authorize?response_type=token&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT) + "&prompt=none&state=q");
        assertEquals("login_required", Browser.params(silent.location().orElseThrow(), true).get("error"));
        assertEquals(false, AuthorizationCodeFlowTest.introspect(tokens.getString("refresh_token")).getBoolean("active"));
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.getString("refresh_token"))
                .formParam("client_secret", client.clientSecret()).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aStolenSessionCookieIsUselessAfterLogout() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);
        AuthorizationCodeFlowTest.authorize(browser, "response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT), user);
        String stolen = browser.cookie("bg_session").orElseThrow();
        browser.get("/oauth/logout");
        given().cookie("bg_session", stolen).redirects().follow(false).queryParam("response_type", "token")
                .queryParam("client_id", client.clientId()).queryParam("redirect_uri", OAuthFixtures.TV_REDIRECT).queryParam("prompt", "none")
                .get("/oauth/authorize")
                .then().statusCode(302).header("Location", org.hamcrest.Matchers.containsString("error=login_required"));
    }

    @Test
    void unlistedReturnAddressesGetAPageNotARedirect() {
        CreatedClient client = fixtures.tradingViewClient(fixtures.tenant());
        Browser browser = new Browser(root);
        for (String target : new String[] {"https://evil.example/", OAuthFixtures.LOGOUT_REDIRECT + "x", OAuthFixtures.TV_REDIRECT,
                OAuthFixtures.LOGOUT_REDIRECT + "?next=https://evil.example"}) {
            Browser.Page page = browser.get("/oauth/logout?client_id=" + client.clientId() + "&redirect_uri=" + enc(target));
            assertEquals(200, page.status(), target);
            assertTrue(page.location().isEmpty(), target);
            assertNotNull(page.doc().getElementById("signed-out"));
            assertNotNull(page.doc().getElementById("note"));
        }
        Browser.Page unknownClient = browser.get("/oauth/logout?client_id=nope&redirect_uri=" + enc(OAuthFixtures.LOGOUT_REDIRECT));
        assertEquals(200, unknownClient.status());
        assertTrue(unknownClient.location().isEmpty());
        // TradingView's returnTo spelling is accepted for the allow-listed address.
        Browser.Page returnTo = browser.get("/oauth/logout?client_id=" + client.clientId() + "&returnTo=" + enc(OAuthFixtures.LOGOUT_REDIRECT));
        assertEquals(302, returnTo.status());
    }
}

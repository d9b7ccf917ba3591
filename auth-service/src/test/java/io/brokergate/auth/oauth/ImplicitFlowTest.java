package io.brokergate.auth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.oauth.OAuthFixtures.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** TradingView's implicit flow: prompt=login shows the form, prompt=none refreshes silently from the session cookie. */
@QuarkusTest
class ImplicitFlowTest {

    @TestHTTPResource("/")
    URI root;
    @Inject
    OAuthFixtures fixtures;

    private String query(CreatedClient client, String prompt, String state) {
        return "response_type=token&client_id=" + client.clientId() + "&redirect_uri=" + AuthorizationCodeFlowTest.enc(OAuthFixtures.TV_REDIRECT)
                + "&scope=" + AuthorizationCodeFlowTest.enc("quotes:read trade") + "&prompt=" + prompt + "&state=" + state;
    }

    @Test
    void promptLoginShowsTheFormThenPromptNoneRefreshesWithoutUi() throws Exception {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);

        Browser.Page form = browser.get("/oauth/authorize?" + query(client, "login", "s1"));
        assertEquals(200, form.status());
        assertTrue(form.isLoginForm());
        assertEquals("DENY", form.headers().firstValue("X-Frame-Options").orElse(""));
        List<String> setCookies = form.headers().allValues("Set-Cookie");
        assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("bg_csrf=") && c.contains("HttpOnly") && c.contains("SameSite=Strict")), setCookies.toString());

        Browser.Page done = browser.submitLogin(form, user.login(), user.password());
        assertEquals(303, done.status());
        String location = done.location().orElseThrow();
        assertTrue(location.startsWith(OAuthFixtures.TV_REDIRECT + "#"), "token in the fragment: " + location);
        Map<String, String> fragment = Browser.params(location, true);
        assertEquals("s1", fragment.get("state"));
        assertEquals("Bearer", fragment.get("token_type"));
        assertTrue(Long.parseLong(fragment.get("expires_in")) >= 60);
        JwtClaims claims = JwksTokens.verify(fragment.get("access_token"));
        assertEquals(user.user().id(), claims.getSubject());
        List<String> sessionCookie = done.headers().allValues("Set-Cookie");
        assertTrue(sessionCookie.stream().anyMatch(c -> c.startsWith("bg_session=") && c.contains("HttpOnly") && c.contains("SameSite=Lax")),
                sessionCookie.toString());

        // Hidden-iframe refresh: no UI, a new token straight away.
        Browser.Page silent = browser.get("/oauth/authorize?" + query(client, "none", "s2"));
        assertEquals(302, silent.status());
        Map<String, String> refreshed = Browser.params(silent.location().orElseThrow(), true);
        assertEquals("s2", refreshed.get("state"));
        assertNotEquals(fragment.get("access_token"), refreshed.get("access_token"));
        JwksTokens.verify(refreshed.get("access_token"));

        // prompt=login forces the form even with a session.
        assertTrue(browser.get("/oauth/authorize?" + query(client, "login", "s3")).isLoginForm());
    }

    @Test
    void promptNoneWithoutASessionAnswersLoginRequired() {
        CreatedClient client = fixtures.tradingViewClient(fixtures.tenant());
        Browser.Page page = new Browser(root).get("/oauth/authorize?" + query(client, "none", "zz"));
        assertEquals(302, page.status());
        String location = page.location().orElseThrow();
        assertTrue(location.startsWith(OAuthFixtures.TV_REDIRECT + "#"), location);
        Map<String, String> fragment = Browser.params(location, true);
        assertEquals("login_required", fragment.get("error"));
        assertEquals("zz", fragment.get("state"));
        assertFalse(fragment.containsKey("access_token"));
    }

    @Test
    void aSessionOfAnotherTenantDoesNotCount() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient own = fixtures.tradingViewClient(tenant);
        CreatedClient foreign = fixtures.tradingViewClient(fixtures.tenant());
        Browser browser = new Browser(root);
        browser.submitLogin(browser.get("/oauth/authorize?" + query(own, "login", "a")), user.login(), user.password());
        Browser.Page page = browser.get("/oauth/authorize?" + query(foreign, "none", "b"));
        assertEquals("login_required", Browser.params(page.location().orElseThrow(), true).get("error"));
    }

    @Test
    void langPicksThePageLanguage() {
        CreatedClient client = fixtures.tradingViewClient(fixtures.tenant());
        Browser browser = new Browser(root);
        Browser.Page zh = browser.get("/oauth/authorize?" + query(client, "login", "l") + "&lang=zh");
        assertEquals("zh", zh.doc().select("html").attr("lang"));
        assertTrue(zh.doc().select("button").text().contains("登录"));
        Browser.Page unknown = browser.get("/oauth/authorize?" + query(client, "login", "l") + "&lang=xx");
        assertEquals("en", unknown.doc().select("html").attr("lang"));
        assertEquals("Sign in", unknown.doc().select("button").text());
        // The chosen language survives the form round trip.
        Browser.Page failed = browser.submitLogin(zh, "nobody", "wrong");
        assertEquals("用户名或密码错误", failed.doc().getElementById("error").text());
    }
}

package io.brokergate.auth.login;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.oauth.Browser;
import io.brokergate.auth.oauth.CreatedClient;
import io.brokergate.auth.oauth.OAuthFixtures;
import io.brokergate.auth.oauth.OAuthFixtures.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Attacks on the login page: CSRF, open redirect, brute force, user enumeration. */
@QuarkusTest
class LoginAttackTest {

    @TestHTTPResource("/")
    URI root;
    @Inject
    OAuthFixtures fixtures;
    @Inject
    AuditLog audit;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String codeQuery(CreatedClient client) {
        return "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT) + "&state=s";
    }

    private static Map<String, String> formOf(Browser.Page page) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : page.doc().getElementById("login").select("input")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    @Test
    void aLoginPostWithoutTheRightCsrfTokenIsRefused() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser victim = new Browser(root);
        Map<String, String> form = formOf(victim.get("/oauth/authorize?" + codeQuery(client)));
        form.put("login", user.login());
        form.put("password", user.password());

        Map<String, String> missing = new LinkedHashMap<>(form);
        missing.remove("csrf");
        Map<String, String> wrong = new LinkedHashMap<>(form);
        wrong.put("csrf", "A".repeat(43));
        for (Map<String, String> attempt : List.of(missing, wrong)) {
            Browser.Page page = victim.postForm("/oauth/authorize/login", attempt);
            assertEquals(403, page.status());
            assertTrue(page.location().isEmpty());
            assertFalse(victim.cookie("bg_session").isPresent());
        }
        // A cross-site form post carries the hidden token but not the victim's cookie.
        Browser attacker = new Browser(root);
        Browser.Page forged = attacker.postForm("/oauth/authorize/login", form);
        assertEquals(403, forged.status());
        assertTrue(forged.location().isEmpty());
        // The genuine form still works.
        assertEquals(303, victim.postForm("/oauth/authorize/login", form).status());
    }

    @Test
    void invalidClientOrRedirectUriShowsAnErrorPageAndNeverRedirects() {
        CreatedClient client = fixtures.tradingViewClient(fixtures.tenant());
        Browser browser = new Browser(root);
        List<String> attacks = new ArrayList<>(List.of(
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc("https://evil.example/callback"),
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT + "/../evil"),
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT + "/extra"),
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT + "?next=https://evil.example"),
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT.replace("https", "http")),
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT.toUpperCase()),
                "response_type=code&client_id=" + client.clientId(),
                "response_type=code&client_id=" + client.clientId() + "&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT) + "&redirect_uri="
                        + enc("https://evil.example"),
                "response_type=code&client_id=nope&redirect_uri=" + enc(OAuthFixtures.TV_REDIRECT),
                "response_type=bogus&client_id=nope&redirect_uri=" + enc("https://evil.example/"),
                "client_id=&redirect_uri=" + enc("https://evil.example/")));
        for (String query : attacks) {
            Browser.Page page = browser.get("/oauth/authorize?" + query);
            assertEquals(400, page.status(), query);
            assertTrue(page.location().isEmpty(), "no redirect for " + query);
            assertNotNull(page.doc().getElementById("message"), query);
            assertFalse(page.body().contains("evil.example"), "the page does not even link the target");
        }
    }

    @Test
    void bruteForceIsThrottledThenLockedWithAClearMessage() {
        String tenant = fixtures.tenant();
        TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);
        Browser.Page page = browser.get("/oauth/authorize?" + codeQuery(client));
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            page = browser.submitLogin(page, user.login(), "guess-" + i);
            messages.add(page.doc().getElementById("error").text());
        }
        assertEquals("invalid login or password", messages.get(0));
        assertTrue(messages.get(3).startsWith("too many failed attempts, try again in"), messages.toString());
        assertTrue(messages.get(3).endsWith("seconds"), messages.toString());
        assertEquals("too many failed attempts, try again in 5 minutes", messages.get(5), messages.toString());
        assertEquals(429, page.status());

        // Locked: even the right password, from a fresh address, is not accepted now.
        Browser other = new Browser(root);
        Browser.Page locked = other.submitLogin(other.get("/oauth/authorize?" + codeQuery(client)), user.login(), user.password());
        assertEquals("too many failed attempts, try again in 5 minutes", locked.doc().getElementById("error").text());
        assertTrue(locked.location().isEmpty());
        // …and the same lock applies to TradingView's password flow.
        String tv = given().header("X-Forwarded-For", other.address()).formParam("login", user.login()).formParam("password", user.password())
                .post("/tv/authorize").then().statusCode(200).extract().path("errmsg");
        assertEquals("too many failed attempts, try again in 5 minutes", tv);
        assertTrue(audit.recent(tenant, 50).stream().anyMatch(e -> e.action().equals("login") && e.outcome() == AuditLog.Outcome.FAILURE));
    }

    @Test
    void oneSourceGuessingManyLoginsIsLockedToo() {
        String tenant = fixtures.tenant();
        TestUser victim = fixtures.user(tenant, OAuthFixtures.TRADING);
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser attacker = new Browser(root);
        Browser.Page page = attacker.get("/oauth/authorize?" + codeQuery(client));
        String last = null;
        for (int i = 0; i < 12; i++) {
            page = attacker.submitLogin(page, "someone-" + i + "-" + UUID.randomUUID(), "guess");
            last = page.doc().getElementById("error").text();
        }
        assertEquals("too many failed attempts, try again in 5 minutes", last);
        Browser.Page blocked = attacker.submitLogin(page, victim.login(), victim.password());
        assertEquals("too many failed attempts, try again in 5 minutes", blocked.doc().getElementById("error").text());
        // The victim from elsewhere is unaffected.
        Browser elsewhere = new Browser(root);
        assertEquals(303, elsewhere.submitLogin(elsewhere.get("/oauth/authorize?" + codeQuery(client)), victim.login(), victim.password()).status());
    }

    @Test
    void unknownUsersAndWrongPasswordsLookAndTakeTheSame() {
        String tenant = fixtures.tenant();
        CreatedClient client = fixtures.tradingViewClient(tenant);
        long unknownNanos = 0;
        long wrongNanos = 0;
        String unknownBody = null;
        String wrongBody = null;
        for (int i = 0; i < 3; i++) {
            TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
            Browser a = new Browser(root);
            Browser.Page pa = a.get("/oauth/authorize?" + codeQuery(client));
            long t0 = System.nanoTime();
            Browser.Page unknown = a.submitLogin(pa, "ghost-" + UUID.randomUUID(), "pw");
            unknownNanos += System.nanoTime() - t0;
            Browser b = new Browser(root);
            Browser.Page pb = b.get("/oauth/authorize?" + codeQuery(client));
            long t1 = System.nanoTime();
            Browser.Page wrong = b.submitLogin(pb, user.login(), "pw");
            wrongNanos += System.nanoTime() - t1;
            assertEquals(unknown.status(), wrong.status());
            unknownBody = unknown.doc().getElementById("error").outerHtml();
            wrongBody = wrong.doc().getElementById("error").outerHtml();
            assertEquals(unknownBody, wrongBody);
        }
        // The dummy Argon2id check makes an unknown login cost what a known one does (loose bound: no flaky timing).
        assertTrue(unknownNanos * 3 > wrongNanos, "unknown " + unknownNanos / 1_000_000 + " ms vs wrong " + wrongNanos / 1_000_000 + " ms");
    }

    @Test
    void pagesEscapeWhatTheyEcho() {
        String tenant = fixtures.tenant();
        CreatedClient client = fixtures.tradingViewClient(tenant);
        Browser browser = new Browser(root);
        String xss = "\"><script>alert(1)</script>";
        Browser.Page page = browser.get("/oauth/authorize?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + enc(OAuthFixtures.TV_REDIRECT) + "&state=" + enc(xss));
        assertFalse(page.body().contains("<script>alert(1)</script>"));
        Browser.Page again = browser.submitLogin(page, xss, "pw");
        assertFalse(again.body().contains("<script>alert(1)</script>"));
        assertEquals(xss, again.doc().getElementById("login-name").attr("value"));
    }
}

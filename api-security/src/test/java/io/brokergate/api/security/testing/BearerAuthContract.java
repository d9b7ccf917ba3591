package io.brokergate.api.security.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every service must do with bearer credentials, run by each service against one of its
 * own protected endpoints (subclass with {@code @QuarkusTest} and
 * {@code @WithTestResource(FakeAuthServerResource.class)}). Cluster mode: keys come from the
 * fake auth-service's JWKS, API keys from its introspection endpoint.
 */
public abstract class BearerAuthContract {

    private static final String PROBLEM = "application/problem+json";

    @InjectFakeAuthServer
    protected FakeAuthServer authServer;

    /** A GET path that needs {@link #requiredScope()}. */
    protected abstract String protectedPath();

    protected abstract String requiredScope();

    /** A GET path needing {@link #requiredScope()} that checks the account through {@code AccountAccess}. */
    protected abstract String accountPath(String tenantOfAccount, String accountId);

    @BeforeEach
    void publishSigningKeyAndApiKeys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        authServer.apiKey("bgk_live_valid", apiKey(requiredScope(), Instant.now().plus(Duration.ofDays(1))));
        authServer.apiKey("bgk_live_expired", apiKey(requiredScope(), Instant.now().minusSeconds(60)));
        authServer.apiKey("bgk_live_revoked", new JsonObject().put("active", false));
    }

    private static JsonObject apiKey(String scope, Instant exp) {
        return new JsonObject().put("active", true).put("sub", "key-1").put("tenant", "tenant-a").put("scope", scope)
                .put("accts", new JsonArray().add("*")).put("exp", exp.getEpochSecond());
    }

    private ValidatableResponse get(String path, String authorization) {
        var request = given().redirects().follow(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.get(path).then();
    }

    private void refused(String authorization, String detail) {
        var response = get(protectedPath(), authorization).statusCode(401)
                .contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", startsWith("Bearer realm=\"brokergate\", error=\"invalid_token\""))
                .body("code", is("unauthenticated"))
                .body("detail", is(detail))
                .extract();
        assertEquals(1, response.headers().getValues("WWW-Authenticate").size(), "one challenge");
    }

    @Test
    void aValidAccessTokenIsAccepted() {
        get(protectedPath(), "Bearer " + TestTokens.token(requiredScope()).rs256()).statusCode(200);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        String token = TestTokens.token(requiredScope()).rs256();
        get(protectedPath(), "bearer " + token).statusCode(200);
        get(protectedPath(), "BEARER " + token).statusCode(200);
    }

    @Test
    void noCredentialIs401WithAPlainBearerChallenge() {
        get(protectedPath(), null).statusCode(401).contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", is("Bearer realm=\"brokergate\""))
                .body("code", is("unauthenticated"));
    }

    @Test
    void anExpiredTokenIs401ButSmallClockSkewIsForgiven() {
        refused("Bearer " + TestTokens.token(requiredScope()).expiredAgo(Duration.ofMinutes(10)).rs256(), "token expired");
        get(protectedPath(), "Bearer " + TestTokens.token(requiredScope()).expiredAgo(Duration.ofSeconds(5)).rs256())
                .statusCode(200);
    }

    @Test
    void aTokenNotYetValidIs401() {
        refused("Bearer " + TestTokens.token(requiredScope()).notBefore(Instant.now().plus(Duration.ofMinutes(10))).rs256(),
                "token not yet valid");
    }

    @Test
    void forgedAndTamperedSignaturesAre401() {
        refused("Bearer " + TestTokens.token(requiredScope()).signedWith(TestKeys.ATTACKER.getPrivate()).rs256(),
                "token signature invalid");
        String weak = TestTokens.token("none-needed").rs256();
        String escalated = TestTokens.token(requiredScope() + " admin").rs256();
        refused("Bearer " + TestTokens.withPayloadOf(weak, escalated), "token signature invalid");
    }

    @Test
    void onlyRs256IsAccepted() {
        TestTokens t = TestTokens.token(requiredScope());
        refused("Bearer " + t.unsigned(), "token algorithm not accepted");
        refused("Bearer " + t.hs256WithPublicKey(), "token algorithm not accepted");
        refused("Bearer " + t.es256(), "token algorithm not accepted");
    }

    @Test
    void aKeyEmbeddedInTheHeaderIsNeverUsed() {
        refused("Bearer " + TestTokens.token(requiredScope()).attackerKeyEmbedded(), "token signature invalid");
    }

    @Test
    void unknownKidsAre401AndCauseAtMostOneJwksRefetch() {
        get(protectedPath(), "Bearer " + TestTokens.token(requiredScope()).rs256()).statusCode(200); // keys loaded
        List<String> forged = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            forged.add("Bearer " + TestTokens.token(requiredScope()).kid("forged-" + UUID.randomUUID()).rs256());
        }
        int before = authServer.jwksFetches();
        forged.forEach(token -> refused(token, "token signing key unknown"));
        int refetches = authServer.jwksFetches() - before;
        assertTrue(refetches <= 1, "a flood of unknown kids refetched the JWKS " + refetches + " times");
    }

    @Test
    void wrongIssuerAudienceOrMissingClaimsAre401() {
        refused("Bearer " + TestTokens.token(requiredScope()).issuer("https://evil.example").rs256(), "token issuer not accepted");
        refused("Bearer " + TestTokens.token(requiredScope()).audience("some-other-api").rs256(), "token audience not accepted");
        refused("Bearer " + TestTokens.token(requiredScope()).tenant(null).rs256(), "token claims missing or invalid");
    }

    @Test
    void aTokenWithoutTheScopeIs403NamingIt() {
        get(protectedPath(), "Bearer " + TestTokens.token("unrelated:scope").rs256()).statusCode(403)
                .contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .body("code", is("forbidden"))
                .body("detail", containsString(requiredScope()));
    }

    @Test
    void apiKeysAreBearerCredentialsResolvedOnceThenCached() {
        String key = "bgk_live_" + UUID.randomUUID().toString().replace("-", "");
        authServer.apiKey(key, apiKey(requiredScope(), Instant.now().plus(Duration.ofDays(1))));
        int before = authServer.introspections();
        for (int i = 0; i < 3; i++) {
            get(protectedPath(), "Bearer " + key).statusCode(200);
        }
        assertEquals(1, authServer.introspections() - before, "one introspection, then the cache");
        get(protectedPath(), "Bearer bgk_live_valid").statusCode(200);
    }

    @Test
    void revokedExpiredAndUnknownApiKeysAre401() {
        refused("Bearer bgk_live_revoked", "unknown API key");
        refused("Bearer bgk_live_unknown_" + UUID.randomUUID().toString().replace("-", ""), "unknown API key");
        refused("Bearer bgk_live_expired", "API key expired");
    }

    @Test
    void malformedAuthorizationHeadersAre401NotServerErrors() {
        String token = TestTokens.token(requiredScope()).rs256();
        get(protectedPath(), token).statusCode(401); // no scheme: not a bearer credential
        get(protectedPath(), "Basic dXNlcjpwYXNz").statusCode(401).header("WWW-Authenticate", is("Bearer realm=\"brokergate\""));
        refused("Bearer " + token + " " + token, "malformed Authorization header");
        refused("Bearer", "malformed Authorization header");
        refused("Bearer    ", "malformed Authorization header");
        refused("Bearer " + "a".repeat(10 * 1024), "credential too long");
        get(protectedPath(), "Bearer t\u00f6k\u00e9n").statusCode(401);
        given().headers(new Headers(new Header("Authorization", "Bearer " + token), new Header("Authorization", "Bearer " + token)))
                .get(protectedPath()).then().statusCode(401).body("detail", is("malformed Authorization header"));
        refused("Bearer not-a-jwt", "token malformed");
        refused("Bearer a.b.c", "token malformed");
    }

    @Test
    void refusalsNeverEchoTheCredential() {
        String token = TestTokens.token(requiredScope()).expiredAgo(Duration.ofHours(1)).rs256();
        get(protectedPath(), "Bearer " + token).statusCode(401).body(not(containsString(token.substring(0, 40))));
        get(protectedPath(), "Bearer bgk_live_revoked").statusCode(401).body(not(containsString("bgk_live_revoked")));
    }

    @Test
    void anotherTenantsAccountLooksMissing() {
        String allOfTenantA = "Bearer " + TestTokens.token(requiredScope()).tenant("tenant-a").rs256();
        String oneAccountOfTenantA = "Bearer " + TestTokens.token(requiredScope()).tenant("tenant-a").accounts("acc-1").rs256();
        get(accountPath("tenant-a", "acc-7"), allOfTenantA).statusCode(200);
        get(accountPath("tenant-b", "acc-9"), allOfTenantA).statusCode(404).contentType(startsWith(PROBLEM))
                .body("code", is("not_found")).body("detail", is("account not found"));
        get(accountPath("tenant-a", "acc-1"), oneAccountOfTenantA).statusCode(200);
        get(accountPath("tenant-a", "acc-2"), oneAccountOfTenantA).statusCode(404).body("detail", is("account not found"));
    }
}

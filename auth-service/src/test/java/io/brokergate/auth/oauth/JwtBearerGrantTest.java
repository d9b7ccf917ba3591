package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.core.error.GatewayException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TradingView's server-to-server JWT-bearer grant, with a certificate generated here, and the forgeries it must refuse. */
@QuarkusTest
class JwtBearerGrantTest {

    static final String TOKEN_URL = JwksTokens.ISSUER + "/oauth/token";
    static final String APP_URL = "https://brokergate.example";
    static final String USER_ID = "tradingview-data";

    @Inject
    OAuthFixtures fixtures;

    TestCertificates.Issued cert;
    CreatedClient client;

    @BeforeEach
    void registerClient() {
        cert = TestCertificates.selfSigned("tradingview-test");
        client = fixtures.create(fixtures.tenant(), new ClientSpec("TradingView data", true, List.of(), List.of(),
                Set.of(GrantType.JWT_BEARER), Set.of("quotes:read", "trade"), AccountGrant.ALL, cert.pem(), USER_ID, APP_URL));
    }

    private Map<String, Object> header(String x5t) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS256");
        h.put("x5t", x5t);
        return h;
    }

    private Map<String, Object> claims() {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", client.clientId());
        c.put("sub", USER_ID);
        c.put("aud", TOKEN_URL);
        c.put("exp", Instant.now().getEpochSecond() + 300);
        c.put("spurl", APP_URL);
        return c;
    }

    private ValidatableResponse exchange(String grantType, String assertion) {
        return given().formParam("grant_type", grantType).formParam("assertion", assertion).formParam("client_id", client.clientId())
                .formParam("client_secret", client.clientSecret()).post("/oauth/token").then();
    }

    private void refused(String assertion) {
        exchange(GrantType.PERSONAL_JWT, assertion).statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aProperAssertionYieldsADataOnlyServerToken() throws Exception {
        String assertion = TestJwts.rs256(header(cert.x5tBase64Url()), claims(), cert.keys().getPrivate());
        String token = exchange(GrantType.PERSONAL_JWT, assertion).statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", greaterThanOrEqualTo(60)).body("scope", equalTo("quotes:read"))
                .body("refresh_token", nullValue()).extract().path("access_token");
        JwtClaims jwt = JwksTokens.verify(token);
        assertEquals("SERVER", jwt.getStringClaimValue("bg_kind"));
        assertEquals(USER_ID, jwt.getSubject());
        assertEquals(client.clientId(), jwt.getStringClaimValue("client_id"));
    }

    @Test
    void theHexThumbprintAndTheStandardGrantNameWorkToo() {
        String assertion = TestJwts.rs256(header(cert.x5tHex().toUpperCase()), claims(), cert.keys().getPrivate());
        exchange("urn:ietf:params:oauth:grant-type:jwt-bearer", assertion).statusCode(200);
    }

    @Test
    void wrongThumbprintIsRefused() {
        TestCertificates.Issued other = TestCertificates.selfSigned("someone-else");
        refused(TestJwts.rs256(header(other.x5tBase64Url()), claims(), cert.keys().getPrivate()));
        Map<String, Object> noX5t = header(null);
        noX5t.remove("x5t");
        refused(TestJwts.rs256(noX5t, claims(), cert.keys().getPrivate()));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        TestCertificates.Issued other = TestCertificates.selfSigned("attacker");
        refused(TestJwts.rs256(header(cert.x5tBase64Url()), claims(), other.keys().getPrivate()));
    }

    @Test
    void algNoneAndHs256WithThePublicKeyAreRefused() {
        Map<String, Object> none = header(cert.x5tBase64Url());
        none.put("alg", "none");
        refused(TestJwts.unsigned(none, claims()));
        Map<String, Object> hs = header(cert.x5tBase64Url());
        hs.put("alg", "HS256");
        refused(TestJwts.hs256(hs, claims(), cert.keys().getPublic().getEncoded()));
        refused(TestJwts.hs256(hs, claims(), cert.pem().getBytes()));
        Map<String, Object> es = header(cert.x5tBase64Url());
        es.put("alg", "ES256");
        refused(TestJwts.rs256(es, claims(), cert.keys().getPrivate()));
    }

    @Test
    void expiredOrFarFutureAssertionsAreRefused() {
        Map<String, Object> expired = claims();
        expired.put("exp", Instant.now().getEpochSecond() - 120);
        refused(TestJwts.rs256(header(cert.x5tBase64Url()), expired, cert.keys().getPrivate()));
        Map<String, Object> forever = claims();
        forever.put("exp", Instant.now().getEpochSecond() + 86_400 * 365);
        refused(TestJwts.rs256(header(cert.x5tBase64Url()), forever, cert.keys().getPrivate()));
        Map<String, Object> noExp = claims();
        noExp.remove("exp");
        refused(TestJwts.rs256(header(cert.x5tBase64Url()), noExp, cert.keys().getPrivate()));
    }

    @Test
    void wrongAudIssSubOrSpurlAreRefused() {
        for (String[] change : new String[][] {{"aud", "https://elsewhere.example/token"}, {"iss", "another-client"}, {"sub", "someone"},
                {"spurl", "https://phishing.example"}}) {
            Map<String, Object> c = claims();
            c.put(change[0], change[1]);
            refused(TestJwts.rs256(header(cert.x5tBase64Url()), c, cert.keys().getPrivate()));
        }
    }

    @Test
    void theClientSecretIsStillRequired() {
        String assertion = TestJwts.rs256(header(cert.x5tBase64Url()), claims(), cert.keys().getPrivate());
        given().formParam("grant_type", GrantType.PERSONAL_JWT).formParam("assertion", assertion).formParam("client_id", client.clientId())
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", GrantType.PERSONAL_JWT).formParam("assertion", assertion).formParam("client_id", client.clientId())
                .formParam("client_secret", "bgs_wrong").post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void malformedAssertionsAreInvalidGrant() {
        refused("not-a-jwt");
        refused("a.b.c");
        refused("eyJhbGciOiJSUzI1NiJ9.eyJ9.AAAA");
        exchange(GrantType.PERSONAL_JWT, "").statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void registrationRequiresAUsableCertificate() {
        String tenant = fixtures.tenant();
        Assertions.assertThrows(GatewayException.class, () -> fixtures.create(tenant, new ClientSpec("bad", true, List.of(), List.of(),
                Set.of(GrantType.JWT_BEARER), Set.of("quotes:read"), AccountGrant.ALL, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                USER_ID, APP_URL)));
        Assertions.assertThrows(GatewayException.class, () -> fixtures.create(tenant, new ClientSpec("no user id", true, List.of(), List.of(),
                Set.of(GrantType.JWT_BEARER), Set.of("quotes:read"), AccountGrant.ALL, cert.pem(), null, APP_URL)));
    }
}

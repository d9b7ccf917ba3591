package io.brokergate.auth.tradingview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.oauth.JwksTokens;
import io.brokergate.auth.oauth.OAuthFixtures;
import io.brokergate.auth.oauth.OAuthFixtures.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TradingViewPasswordFlowTest {

    @Inject
    OAuthFixtures fixtures;

    private static JsonPath authorize(String source, String login, String password, String locale) {
        var request = given().header("X-Forwarded-For", source).contentType("application/x-www-form-urlencoded")
                .formParam("login", login).formParam("password", password);
        if (locale != null) {
            request.formParam("locale", locale);
        }
        return request.post("/tv/authorize").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyAuthorizeReturnsANewUniqueTokenWithAFutureIntegerExpiration() throws Exception {
        TestUser user = fixtures.user(fixtures.tenant(), Set.of("quotes:read", "accounts:read", "trade", "admin"));
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            JsonPath ok = authorize("10.1.0.1", user.login(), user.password(), "en");
            assertEquals("ok", ok.getString("s"));
            tokens.add(ok.getString("d.access_token"));
            long expiration = ok.getLong("d.expiration");
            assertTrue(expiration > Instant.now().getEpochSecond() + 60, "expiration in the future, in seconds");
            assertTrue(expiration < Instant.now().getEpochSecond() + 3600);
        }
        assertEquals(10, tokens.size(), "a new token on every call");
        JwtClaims claims = JwksTokens.verify(tokens.iterator().next());
        assertEquals(user.user().id(), claims.getSubject());
        assertEquals(user.tenantId(), claims.getStringClaimValue("tenant"));
        assertEquals("USER", claims.getStringClaimValue("bg_kind"));
        assertEquals("tradingview", claims.getStringClaimValue("client_id"));
        assertEquals(List.of("*"), claims.getStringListClaimValue("accts"));
        // Never admin through TradingView, whatever the user holds.
        assertEquals(Set.of("accounts:read", "quotes:read", "trade"), Set.of(claims.getStringClaimValue("scope").split(" ")));
    }

    @Test
    void badCredentialsAnswer200WithTheSameErrorForUnknownUsersAndWrongPasswords() {
        TestUser user = fixtures.user(fixtures.tenant(), Set.of("trade"));
        String wrongPassword = given().header("X-Forwarded-For", "10.1.0.2").formParam("login", user.login()).formParam("password", "nope")
                .post("/tv/authorize").then().statusCode(200).body("s", equalTo("error")).extract().asString();
        String unknownUser = given().header("X-Forwarded-For", "10.1.0.2").formParam("login", "nobody-" + UUID.randomUUID())
                .formParam("password", "nope").post("/tv/authorize").then().statusCode(200).extract().asString();
        assertEquals("{\"s\":\"error\",\"errmsg\":\"invalid login or password\"}", wrongPassword);
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void errorsSpeakTheRequestedLocale() {
        JsonPath zh = authorize("10.1.0.3", "nobody-" + UUID.randomUUID(), "x", "zh_CN");
        assertEquals("用户名或密码错误", zh.getString("errmsg"));
    }

    @Test
    void missingFieldsAndMalformedBodiesAreErrorsNotCrashes() {
        given().header("X-Forwarded-For", "10.1.0.4").formParam("login", "x").post("/tv/authorize").then().statusCode(200)
                .body("s", equalTo("error"));
        given().header("X-Forwarded-For", "10.1.0.4").contentType("application/x-www-form-urlencoded").body("login=%zz&password=x")
                .post("/tv/authorize").then().statusCode(200).body("s", equalTo("error"));
        given().header("X-Forwarded-For", "10.1.0.4").contentType("application/x-www-form-urlencoded").body("login=a&login=b&password=x")
                .post("/tv/authorize").then().statusCode(200).body("s", equalTo("error"));
        given().header("X-Forwarded-For", "10.1.0.4").contentType("application/x-www-form-urlencoded").body("login=" + "a".repeat(1 << 20))
                .post("/tv/authorize").then().statusCode(200).body("s", equalTo("error"));
        given().header("X-Forwarded-For", "10.1.0.4").contentType("application/json").body("{\"login\":\"a\",\"password\":\"b\"}")
                .post("/tv/authorize").then().statusCode(200).body("s", equalTo("error"));
    }

    @Test
    void logoutRevokesTheBearerToken() {
        TestUser user = fixtures.user(fixtures.tenant(), Set.of("trade"));
        String token = authorize("10.1.0.5", user.login(), user.password(), null).getString("d.access_token");
        given().formParam("token", token).auth().preemptive().basic("brokergate-introspection", "test-introspection-secret").post("/oauth/introspect")
                .then().statusCode(200).body("active", equalTo(true));

        given().header("Authorization", "Bearer " + token).post("/tv/logout").then().statusCode(200).body("s", equalTo("ok"));

        given().formParam("token", token).auth().preemptive().basic("brokergate-introspection", "test-introspection-secret").post("/oauth/introspect")
                .then().statusCode(200).body("active", equalTo(false));
        given().header("Authorization", "Bearer " + token).post("/tv/logout").then().statusCode(401).body("s", equalTo("error"));
    }

    @Test
    void logoutWithoutAValidTokenIs401() {
        given().post("/tv/logout").then().statusCode(401).body("s", equalTo("error"));
        // (An unverifiable bearer may already be refused by the shared bearer authentication; either way 401.)
        given().header("Authorization", "Bearer not.a.jwt").post("/tv/logout").then().statusCode(401);
    }
}

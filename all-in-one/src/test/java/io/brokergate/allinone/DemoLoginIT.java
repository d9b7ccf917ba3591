package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo user logs in through auth-service inside the bundled application (TradingView's
 * password flow), and trade-service, which verifies tokens locally, accepts the token with
 * exactly the trading scopes — never administration.
 */
@QuarkusIntegrationTest
class DemoLoginIT {

    private static final String DEMO_PASSWORD = "demo-password-for-tests";

    private static String login() {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("login", "demo").formParam("password", DEMO_PASSWORD).formParam("locale", "en")
                .post("/tv/authorize").then().statusCode(200).body("s", is("ok"))
                .extract().jsonPath().getString("d.access_token");
    }

    @Test
    void aDemoLoginIsAcceptedByTradeService() {
        String token = login();
        given().auth().oauth2(token).get("/v1/session").then().statusCode(200)
                .body("kind", is("user"))
                .body("scopes", contains("accounts:read", "quotes:read", "trade"))
                .body("accounts", hasItems("*"));
    }

    @Test
    void wrongPasswordsGetTheTradingViewErrorEnvelope() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("login", "demo").formParam("password", "not-the-password").formParam("locale", "en")
                .post("/tv/authorize").then().statusCode(200).body("s", is("error"));
        given().auth().oauth2("not-a-jwt").get("/v1/session").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTradingViewTokenNeverCarriesAdministration() {
        String token = login();
        given().auth().oauth2(token).get("/v1/admin/tenant").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("code", is("forbidden"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "bot", "scopes", List.of("trade"), "accounts", List.of("*"),
                        "expires_at", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .post("/v1/admin/api-keys").then().statusCode(403);
    }

    @Test
    void afterLogoutTheTokenIsRefusedEverywhereAtOnce() {
        String token = login();
        given().auth().oauth2(token).get("/v1/session").then().statusCode(200);
        given().auth().oauth2(token).post("/tv/logout").then().statusCode(200).body("s", is("ok"));
        given().auth().oauth2(token).get("/v1/session").then().statusCode(401)
                .body("detail", is("token revoked"));
    }
}

package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** The demo user of the packaged application's test profile, logged in as TradingView does. */
final class DemoUser {

    static final String PASSWORD = "demo-password-for-tests";

    private DemoUser() {
    }

    /** A fresh access token from {@code POST /tv/authorize}. */
    static String login() {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("login", "demo").formParam("password", PASSWORD).formParam("locale", "en")
                .post("/tv/authorize").then().statusCode(200).body("s", is("ok"))
                .extract().jsonPath().getString("d.access_token");
    }
}

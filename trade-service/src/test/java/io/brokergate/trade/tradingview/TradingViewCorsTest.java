package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What TradingView's web app sees of the facade from the user's browser, and what another site sees. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradingViewCorsTest {

    private static final String TRADINGVIEW = "https://www.tradingview.com";
    private static final String ORDERS = "/tv/accounts/" + ACCOUNT_A + "/orders?locale=en";

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void preflightsAreAnsweredForTradingViewsOriginsOnly() {
        for (String origin : new String[] {TRADINGVIEW, "https://brokers.xstaging.tv", "http://localhost:6285"}) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").options(ORDERS).then()
                    .statusCode(204).header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", containsString("PUT"))
                    .header("Access-Control-Allow-Headers", "authorization,content-type")
                    .header("Access-Control-Max-Age", "7200");
        }
        given().header("Origin", "https://tradingview.evil.example").header("Access-Control-Request-Method", "POST")
                .options(ORDERS).then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyAnswerCarriesTheOriginIncludingAuthenticationFailures() {
        String token = token();
        given().header("Origin", TRADINGVIEW).header("Authorization", "Bearer " + token).get(ORDERS).then().statusCode(200)
                .header("Access-Control-Allow-Origin", TRADINGVIEW).body("s", is("ok"));
        given().header("Origin", TRADINGVIEW).get(ORDERS).then().statusCode(401)
                .header("Access-Control-Allow-Origin", TRADINGVIEW).header("Vary", containsString("Origin"))
                .body("s", is("error"));
        given().header("Origin", TRADINGVIEW).header("Authorization", "Bearer not-a-token").get(ORDERS).then().statusCode(401)
                .header("Access-Control-Allow-Origin", TRADINGVIEW).body("s", is("error"));
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + token).get(ORDERS).then()
                .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", TRADINGVIEW).header("Authorization", "Bearer " + token).get("/v1/accounts").then()
                .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    private static String token() {
        return TestTokens.token("trade accounts:read").subject("tv-cors").tenant(TENANT_A).accounts(ACCOUNT_A).rs256();
    }
}

package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * trade-service's TradingView facade inside the packaged application, next to quote-service's
 * data endpoints and stream-service's account streams under the same /tv prefix: each request
 * reaches its service, and TradingView's origins get CORS on all of them. (Read-only.)
 */
@QuarkusIntegrationTest
class TradingViewTradingIT {

    private static final String TRADINGVIEW = "https://www.tradingview.com";

    @TestHTTPResource("/")
    URI base;

    @Test
    void theDemoUsersPaperAccountTradesThroughTheFacade() {
        String token = DemoUser.login();
        String account = given().auth().oauth2(token).get("/tv/accounts?locale=en").then().statusCode(200)
                .body("s", is("ok")).body("d[0].type", is("demo")).body("d[0].config.supportPlaceOrderPreview", is(true))
                .extract().jsonPath().getString("d[0].id");
        given().auth().oauth2(token).get("/tv/accounts/" + account + "/orders?locale=en").then().statusCode(200).body("s", is("ok"));
        given().auth().oauth2(token).get("/tv/config?locale=en").then().statusCode(200).body("s", is("ok"));
        given().auth().oauth2(token).contentType("application/x-www-form-urlencoded")
                .body("instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=300&currentAsk=1&currentBid=1")
                .post("/tv/accounts/" + account + "/orderInfo?locale=en").then().statusCode(200).body("s", is("ok"));
    }

    @Test
    void accountStreamsStillReachStreamService() throws Exception {
        String token = DemoUser.login();
        String account = given().auth().oauth2(token).get("/tv/accounts?locale=en").then().extract().jsonPath().getString("d[0].id");
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("tv/accounts/"
                + account + "/stream/orders?locale=en")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            assertEquals(200, r.statusCode());
            String first = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine();
            assertTrue(first.startsWith("["), "the snapshot of orders comes first: " + first);
        }
    }

    @Test
    void tradingViewsOriginsGetCorsOnTradingAndDataEndpoints() {
        for (String path : new String[] {"/tv/config?locale=en", "/tv/quotes?locale=en&accountId=x&symbols=700.HK", "/tv/authorize"}) {
            given().header("Origin", TRADINGVIEW).header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization").options(path).then().statusCode(204)
                    .header("Access-Control-Allow-Origin", TRADINGVIEW).header("Access-Control-Max-Age", "7200");
        }
        given().header("Origin", TRADINGVIEW).get("/tv/accounts?locale=en").then().statusCode(401)
                .header("Access-Control-Allow-Origin", TRADINGVIEW).body("s", is("error"));
        given().header("Origin", "https://evil.example").get("/tv/accounts?locale=en").then().statusCode(401)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}

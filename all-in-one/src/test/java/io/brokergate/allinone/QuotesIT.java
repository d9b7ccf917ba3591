package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * quote-service inside the packaged application: the demo user's market data comes through the
 * demo paper account's socket, which stream-service owns (quote-service borrows its session and
 * governor), and the answers are cached and shared.
 */
@QuarkusIntegrationTest
class QuotesIT {

    private static final String DEMO_PASSWORD = "demo-password-for-tests";
    private static final String QUOTE_CALL = "quote 11 QuerySecurityQuote";

    private String token;

    @BeforeEach
    void login() {
        token = given().contentType("application/x-www-form-urlencoded")
                .formParam("login", "demo").formParam("password", DEMO_PASSWORD).formParam("locale", "en")
                .post("/tv/authorize").then().statusCode(200).extract().jsonPath().getString("d.access_token");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream-sessions' }.data.values()", everyItem(is("connected"))));
    }

    @Test
    void quotesOfSeveralMarketsComeThroughTheDemoAccountsSocket() {
        given().auth().oauth2(token).queryParam("symbols", "700.HK,AAPL.US,600519.SH").get("/v1/quotes").then()
                .statusCode(200).body("quotes", hasSize(3)).body("quotes.last", everyItem(notNullValue()));
        given().auth().oauth2(token).queryParam("symbol", "700.HK").get("/v1/depth").then().statusCode(200)
                .body("bids[0].price", notNullValue());
        given().auth().oauth2(token).queryParam("symbol", "700.HK").get("/v1/instruments/700.HK").then().statusCode(200)
                .body("lot_size", is(100)).body("currency", is("HKD"));
    }

    @Test
    void concurrentIdenticalRequestsCostThePaperExchangeOneCall() {
        String paper = paperUrl();
        String accountNo = given().baseUri(paper).get("/admin/accounts").then().extract().jsonPath()
                .getString("accounts[0].account_no");
        long before = requests(paper, accountNo);
        given().baseUri(paper).contentType("application/json").body("{\"millis\":1500}").post("/admin/latency").then().statusCode(200);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/quotes?symbols=3690.HK");
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            all.forEach(f -> assertEquals(200, f.join().statusCode(), f.join().body()));
        } finally {
            given().baseUri(paper).contentType("application/json").body("{\"millis\":0}").post("/admin/latency");
        }
        assertEquals(before + 1, requests(paper, accountNo), "200 identical requests, one broker call");
    }

    @Test
    void historyFollowsTradingViewsRulesOnTheLivePaperMarket() {
        long now = Instant.now().getEpochSecond();
        JsonPath days = given().auth().oauth2(token).queryParams(Map.of("symbol", "700.HK", "resolution", "D",
                "from", Long.toString(now - 30 * 86_400), "to", Long.toString(now))).get("/tv/history").then()
                .statusCode(200).body("s", is("ok")).extract().jsonPath();
        List<Long> stamps = days.getList("t", Long.class);
        assertTrue(stamps.size() >= 15, "the paper exchange's past: " + stamps);
        stamps.forEach(t -> assertEquals(0, t % 86_400, "daily bars at 00:00 UTC"));
        JsonPath minutes = given().auth().oauth2(token).queryParams(Map.of("symbol", "700.HK", "resolution", "1",
                "from", Long.toString(now - 3600), "to", Long.toString(now))).get("/tv/history").then()
                .statusCode(200).body("s", is("ok")).extract().jsonPath();
        assertTrue(minutes.getList("t").size() >= 1, "the market trades around the clock");
        given().auth().oauth2(token).queryParams(Map.of("symbol", "700.HK", "resolution", "5", "limit", "12"))
                .get("/v1/candles").then().statusCode(200).body("resolution", is("5")).body("bars.size()", is(12));
    }

    @Test
    void tradingViewDataEndpointsAndTheirErrors() {
        given().auth().oauth2(token).get("/tv/symbol_info").then().statusCode(200).body("s", is("ok"))
                .body("symbol", hasItem("700.HK")).body("timezone", hasItem("Asia/Hong_Kong"));
        given().auth().oauth2(token).get("/tv/groups").then().statusCode(200).body("d.groups.id", hasItem("brokergate_hk"));
        given().auth().oauth2(token).get("/tv/permissions").then().statusCode(200).body("d.groups", hasItem("brokergate_hk"));
        given().get("/tv/mapping").then().statusCode(200).body("fields", hasItem("brokerSymbol"));
        given().get("/tv/history?symbol=700.HK&resolution=D&from=1&to=2").then().statusCode(401).body("s", is("error"));
        given().auth().oauth2(token).queryParams(Map.of("symbols", "700.HK", "accountId", "someone-elses", "locale", "en"))
                .get("/tv/quotes").then().statusCode(200).body("s", is("error")).body("errmsg", is("account not found"));
        given().auth().oauth2(token).queryParams(Map.of("symbol", "700.HK", "resolution", "D", "from", "0",
                "to", "3155760000")).get("/tv/history").then().statusCode(200).body("s", is("error"))
                .body("errmsg", containsString("too long"));
        String tenThousand = IntStream.range(0, 10_000).mapToObj(i -> (10_000 + i) + ".HK").collect(Collectors.joining(","));
        given().auth().oauth2(token).queryParam("symbols", tenThousand).get("/v1/quotes").then().statusCode(400)
                .body("detail", containsString("at most 1000 symbols per request"));
        given().auth().oauth2(token).queryParam("symbols", "ZZZZ.HK").get("/v1/quotes").then().statusCode(404)
                .body("detail", is("unknown symbol ZZZZ.HK"));
    }

    @Test
    void theOpenApiDocumentCoversTheQuoteEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/quotes")).body("paths", hasKey("/tv/history"))
                .body("paths.'/v1/candles'.get.responses.'200'.content.'application/json'.examples", notNullValue());
    }

    private static long requests(String paper, String accountNo) {
        Object n = given().baseUri(paper).get("/admin/stats").then().extract().jsonPath()
                .get("accounts.'" + accountNo + "'.requests.'" + QUOTE_CALL + "'");
        return n == null ? 0 : ((Number) n).longValue(); // absent until the first such call
    }

    private static String paperUrl() {
        return given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getString("checks.find { it.name == 'paper-exchange' }.data.url");
    }
}

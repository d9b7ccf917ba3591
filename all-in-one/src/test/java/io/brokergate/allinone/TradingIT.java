package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.sim.admin.SimAdminClient;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order path inside the packaged application, as a bot uses it: the demo user trades its
 * paper account through trade-service, whose sessions and order events come from stream-service's
 * socket owner, against the paper exchange over the LongPort protocol.
 */
@QuarkusIntegrationTest
class TradingIT {

    private static final String DEMO_PASSWORD = "demo-password-for-tests";
    private static final String SUBMIT = "POST /v1/trade/order";

    private String token;
    private String account;
    private SimAdminClient sim;
    private String accountNo;

    @BeforeEach
    void login() {
        token = given().contentType("application/x-www-form-urlencoded")
                .formParam("login", "demo").formParam("password", DEMO_PASSWORD).formParam("locale", "en")
                .post("/tv/authorize").then().statusCode(200).extract().jsonPath().getString("d.access_token");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream-sessions' }.data.values()", everyItem(is("connected"))));
        account = api().get("/v1/accounts").then().statusCode(200).extract().jsonPath().getString("find { it.kind == 'paper' }.id");
        String paper = given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'paper-exchange' }.data.url");
        sim = new SimAdminClient(paper);
        accountNo = given().baseUri(paper).get("/admin/accounts").then().extract().jsonPath().getString("accounts[0].account_no");
    }

    private RequestSpecification api() {
        return given().auth().oauth2(token);
    }

    private JsonPath book(String symbol) {
        return api().queryParam("symbol", symbol).get("/v1/depth").then().statusCode(200).extract().jsonPath();
    }

    private String order(String status, String orderId) {
        return api().get("/v1/accounts/" + account + "/orders/" + orderId).then().statusCode(200).extract().jsonPath()
                .getString(status);
    }

    private void awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(status, order("status", orderId)));
    }

    private long submits() {
        return sim.accountStats(accountNo).path("requests").path(SUBMIT).asLong();
    }

    @Test
    void aMarketableOrderFillsAndShowsInExecutionsAndPositionsAndARestingOneCancels() {
        JsonPath depth = book("9988.HK");
        String ask = depth.getString("asks[0].price");
        String deepBid = depth.getString("bids[-1].price");
        long before = submits();

        String cid = "it-fill-" + UUID.randomUUID();
        String body = "{\"client_order_id\":\"" + cid + "\",\"symbol\":\"9988.HK\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"quantity\":100,\"limit_price\":" + ask + "}";
        String filled = api().contentType("application/json").body(body).post("/v1/accounts/" + account + "/orders")
                .then().statusCode(201).extract().jsonPath().getString("order_id");
        api().contentType("application/json").body(body).post("/v1/accounts/" + account + "/orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("order_id", is(filled));
        awaitStatus(filled, "filled");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api().get("/v1/accounts/" + account + "/executions")
                .then().statusCode(200).body("order_id", hasItem(filled)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api().get("/v1/accounts/" + account + "/positions")
                .then().statusCode(200).body("symbol", hasItem("9988.HK")));

        String resting = api().contentType("application/json").body("{\"client_order_id\":\"it-rest-" + UUID.randomUUID()
                        + "\",\"symbol\":\"9988.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":"
                        + deepBid + "}").post("/v1/accounts/" + account + "/orders")
                .then().statusCode(201).extract().jsonPath().getString("order_id");
        awaitStatus(resting, "working");
        api().delete("/v1/accounts/" + account + "/orders/" + resting).then().statusCode(202);
        awaitStatus(resting, "cancelled");
        assertEquals(2, submits() - before, "the replay never reached the paper exchange");
        api().get("/v1/accounts/" + account + "/orders?status=cancelled").then().statusCode(200)
                .body("orders.order_id", hasItem(resting));
    }

    @Test
    void aBracketsStopFiresOnTheOwnersQuotesAndTakesTheTakeProfitOff() {
        JsonPath depth = book("700.HK");
        String ask = depth.getString("asks[0].price");
        String farAsk = depth.getString("asks[-1].price");
        String deepBid = depth.getString("bids[-1].price");
        String body = "{\"client_order_id\":\"it-bkt-" + UUID.randomUUID() + "\",\"symbol\":\"700.HK\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"quantity\":100,\"limit_price\":" + ask + ",\"take_profit\":" + farAsk
                + ",\"stop_loss\":" + deepBid + "}";
        String entry = api().contentType("application/json").body(body).post("/v1/accounts/" + account + "/orders")
                .then().statusCode(201).extract().jsonPath().getString("order_id");
        awaitStatus(entry, "filled");
        String legs = "/v1/accounts/" + account + "/orders/" + entry + "/brackets";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api().get(legs).then().statusCode(200)
                .body("find { it.role == 'take_profit' }.state", is("active"))
                .body("find { it.role == 'stop_loss' }.state", is("armed")));

        // The armed stop rides on the socket owner's quote stream, which trade-service asked for.
        BigDecimal through = new BigDecimal(deepBid).multiply(new BigDecimal("0.97"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sim.movePrice("700.HK", through.toPlainString());
            api().get(legs).then().statusCode(200).body("find { it.role == 'stop_loss' }.state", is("filled"))
                    .body("find { it.role == 'take_profit' }.state", is("cancelled"));
        });
    }
}

package io.brokergate.trade.brokers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrokerResourceTest {

    @Test
    void listsTheCapabilityMapOfEveryAdapter() {
        given().get("/v1/brokers").then().statusCode(200)
                .body("broker", hasItems("paper", "longport"))
                .body("find { it.broker == 'longport' }.order_types", hasItems("limit", "market", "stop_limit"))
                .body("find { it.broker == 'longport' }.max_subscriptions", is(500))
                .body("find { it.broker == 'longport' }.markets", hasItems("hk", "us"))
                .body("find { it.broker == 'longport' }.outbound_limits.find { it.category == 'quote' }.permits", is(10))
                .body("find { it.broker == 'longport' }.outbound_limits.find { it.category == 'trade' }.min_spacing_ms", is(20));
    }

    @Test
    void oneBrokerByNameAndUnknownBrokersAre404() {
        given().get("/v1/brokers/PAPER").then().statusCode(200).body("broker", is("paper"))
                .body("history_resolutions", hasItem("1D"));
        given().get("/v1/brokers/nope").then().statusCode(404);
        given().get("/v1/brokers/%3Cscript%3E").then().statusCode(404).body(not(hasItem("<script>")));
    }
}

package io.brokergate.trade.preview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/accounts/{id}/orders/preview}: the estimate of an order, which is never placed. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class OrderPreviewTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void aLimitBuyIsEstimatedWithTheConfiguredFeesAndNotPlaced() {
        long placed = places();
        client().body("{\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600}")
                .post("/v1/accounts/" + ACCOUNT_A + "/orders/preview").then().statusCode(200)
                .body("currency", is("HKD")).body("price_source", is("limit"))
                .body("estimated_cost", is(60000))
                // 0.03 % commission 18, platform fee 15, stamp duty 60 (0.1 %, up to the dollar), ...
                .body("fees.find { it.name == 'commission' }.amount", is(18.00f))
                .body("fees.find { it.name == 'stamp-duty' }.amount", is(60))
                .body("fees.find { it.name == 'settlement-fee' }.amount", is(2.00f))
                .body("buying_power", notNullValue()).body("max_quantity", notNullValue())
                .body("placeable", is(true));
        assertEquals(placed, places());
    }

    @Test
    void aMarketSellIsPricedAtTheBidAndWarnsWhatWouldGoWrong() {
        client().body("{\"symbol\":\"700.HK\",\"side\":\"sell\",\"type\":\"market\",\"quantity\":150}")
                .post("/v1/accounts/" + ACCOUNT_A + "/orders/preview").then().statusCode(200)
                .body("price_source", is("bid"))
                .body("warnings.code", hasItem("lot_size"))
                .body("warnings.code", hasItem("insufficient_position"))
                .body("fees.name", hasItem("stamp-duty"))
                .body("placeable", is(false));
    }

    @Test
    void badInputAndOtherTenantsAccountsAreProblems() {
        client().body("{\"symbol\":\"NOPE.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":1}")
                .post("/v1/accounts/" + ACCOUNT_A + "/orders/preview").then().statusCode(400)
                .body("detail", containsString("unknown symbol"));
        client().body("{\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":0,\"limit_price\":1}")
                .post("/v1/accounts/" + ACCOUNT_A + "/orders/preview").then().statusCode(400);
        client().body("{\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600}")
                .post("/v1/accounts/" + ACCOUNT_B + "/orders/preview").then().statusCode(404);
    }

    private RequestSpecification client() {
        return given().header("Authorization", "Bearer " + TestTokens.token("accounts:read").subject("previewer")
                .tenant(TENANT_A).accounts(ACCOUNT_A).rs256()).contentType("application/json");
    }

    private long places() {
        return new SimAdminClient(sim.sim().httpUrl()).requests(sim.account(ACCOUNT_A).brokerAccountNo(), "POST /v1/trade/order");
    }
}

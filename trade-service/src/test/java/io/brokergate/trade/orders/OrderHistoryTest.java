package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The broker's order history through the native API. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class OrderHistoryTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    private final TradeApi trader = TradeApi.as(TENANT_B, "trade accounts:read", ACCOUNT_B);
    private final String history = "/v1/accounts/" + ACCOUNT_B + "/orders/history";

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void listsWhatTheBrokerKeepsWithFilters() {
        String cid = "hist-" + UUID.randomUUID();
        String orderId = trader.place(ACCOUNT_B, TradeApi.limitBuy(cid, "100", "600")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        trader.get(history).then().statusCode(200).body("order_id", hasItem(orderId))
                .body("find { it.order_id == '" + orderId + "' }.client_order_id", is(cid));
        trader.get(history + "?symbol=9988.HK").then().statusCode(200).body("order_id", not(hasItem(orderId)));
        trader.get(history + "?status=filled").then().statusCode(200).body("order_id", not(hasItem(orderId)));
        String past = Instant.now().minus(20, ChronoUnit.DAYS).toString();
        String older = Instant.now().minus(10, ChronoUnit.DAYS).toString();
        trader.get(history + "?from=" + past + "&to=" + older).then().statusCode(200).body("order_id", not(hasItem(orderId)));
        trader.request().delete("/v1/accounts/" + ACCOUNT_B + "/orders/" + orderId).then().statusCode(202);
    }

    @Test
    void badRangesAreClearErrors() {
        String now = Instant.now().toString();
        String longAgo = Instant.now().minus(100, ChronoUnit.DAYS).toString();
        trader.get(history + "?from=" + now + "&to=" + longAgo).then().statusCode(400).body("detail", is("from must be before to"));
        trader.get(history + "?from=" + longAgo).then().statusCode(400).body("detail", is("the range may span at most 90 days"));
        trader.get(history + "?from=yesterday").then().statusCode(400).body("code", is("invalid_request"));
        trader.get(history + "?status=sleeping").then().statusCode(400).body("code", is("invalid_request"));
    }

    @Test
    void anotherTenantCannotReadIt() {
        TradeApi.as(TENANT_A, "trade accounts:read", "acc-a").get(history).then().statusCode(404);
        TradeApi.as(TENANT_B, "trade", ACCOUNT_B).get(history).then().statusCode(403);
    }
}

package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.trade.sim.PaperExchangeTest;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Orders through the native API against the real paper exchange: place, fill, modify, cancel, list. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class OrderLifecycleTest extends PaperExchangeTest {

    private final TradeApi trader = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_A2);

    @Test
    void aFilledOrderShowsUpInExecutionsAndPositions() {
        String cid = "fill-" + UUID.randomUUID();
        var placed = trader.place(ACCOUNT_A2, TradeApi.limitBuy(cid, "200", "600")).then().statusCode(201)
                .body("client_order_id", is(cid))
                .body("symbol", is("700.HK"))
                .extract();
        String orderId = placed.jsonPath().getString("order_id");
        assertEquals(true, placed.header("Location").endsWith("/v1/accounts/" + ACCOUNT_A2 + "/orders/" + orderId));
        awaitStatus(ACCOUNT_A2, orderId, "working");

        admin.movePrice("700.HK", "590");
        awaitStatus(ACCOUNT_A2, orderId, "filled");
        trader.get("/v1/accounts/" + ACCOUNT_A2 + "/orders/" + orderId).then().statusCode(200)
                .body("filled_quantity", is(200)).body("average_fill_price", notNullValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> trader.get("/v1/accounts/" + ACCOUNT_A2 + "/executions")
                .jsonPath().getList("findAll { it.order_id == '" + orderId + "' }.quantity").size() >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> trader.get("/v1/accounts/" + ACCOUNT_A2 + "/positions")
                .jsonPath().getList("findAll { it.symbol == '700.HK' }.quantity").size() == 1);
        trader.get("/v1/accounts/" + ACCOUNT_A2 + "/balances").then().statusCode(200).body("currency", hasSize(1));
    }

    @Test
    void modifyThenCancel() {
        String orderId = placeWorking("mod-" + UUID.randomUUID(), "100", "600");
        trader.request().contentType("application/json").body("{\"limit_price\": 601, \"quantity\": 300}")
                .patch("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(202)
                .body("order_id", is(orderId));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath o = trader.get("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).jsonPath();
            return o.getDouble("limit_price") == 601.0 && o.getInt("quantity") == 300;
        });

        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(202);
        awaitStatus(ACCOUNT_A, orderId, "cancelled");
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(409)
                .body("detail", is("order " + orderId + " is already cancelled"));
    }

    @Test
    void cancelAllCancelsEveryOpenOrderOfTheAccount() {
        List<String> ids = List.of(placeWorking("ca1-" + UUID.randomUUID(), "100", "590"),
                placeWorking("ca2-" + UUID.randomUUID(), "100", "591"));
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders").then().statusCode(200);
        ids.forEach(id -> awaitStatus(ACCOUNT_A, id, "cancelled"));
        trader.get("/v1/accounts/" + ACCOUNT_A + "/orders?status=working,pending_new").then().statusCode(200)
                .body("orders", hasSize(0));
    }

    @Test
    void listingPagesThroughEveryOrderOnceNewestFirst() {
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeWorking("page-" + i + "-" + UUID.randomUUID(), "100", "580"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> trader.get("/v1/accounts/" + ACCOUNT_A
                + "/orders?symbol=700.HK&limit=500").jsonPath().getList("orders.order_id").containsAll(placed));
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = trader.get("/v1/accounts/" + ACCOUNT_A + "/orders?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("orders.order_id");
            ids.forEach(id -> assertEquals(true, seen.add(id), "order listed twice: " + id));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(true, seen.containsAll(placed));
        assertNull(cursor);
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders").then().statusCode(200);
    }

    private String placeWorking(String cid, String qty, String price) {
        String id = trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, qty, price)).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        awaitStatus(ACCOUNT_A, id, "working");
        return id;
    }

    private void awaitStatus(String account, String orderId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(trader.get("/v1/accounts/" + account + "/orders/"
                + orderId).jsonPath().getString("status")));
    }
}

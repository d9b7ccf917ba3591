package io.brokergate.trade.brackets;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.trade.orders.TradeApi;
import io.brokergate.trade.sim.PaperExchangeTest;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Gateway-managed brackets against the paper exchange: exits wait while the entry works, are
 * placed once when it fills, and cancel each other.
 */
@QuarkusTest
@TestProfile(BracketTestProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class BracketOrderTest extends PaperExchangeTest {

    private static final String SUBMIT = "POST /v1/trade/order";

    @Inject
    ArmedStops stops;

    private final TradeApi trader = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_A2);

    private static String bracketBuy(String cid, String limit, String exits) {
        return "{\"client_order_id\":\"" + cid + "\",\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"quantity\":100,\"limit_price\":" + limit + exits + "}";
    }

    private List<Map<String, Object>> legs(String account, String orderId) {
        return trader.get("/v1/accounts/" + account + "/orders/" + orderId + "/brackets").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private String legState(String account, String orderId, String role) {
        return legs(account, orderId).stream().filter(l -> role.equals(l.get("role"))).findFirst()
                .map(l -> (String) l.get("state")).orElse(null);
    }

    private void awaitLeg(String account, String orderId, String role, String state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> state.equals(legState(account, orderId, role)));
    }

    /** Shares of 700.HK the account holds (other tests in this application trade it too). */
    private int holding(String account) {
        List<Integer> q = trader.get("/v1/accounts/" + account + "/positions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.symbol == '700.HK' }.quantity", Integer.class);
        return q.isEmpty() ? 0 : q.get(0);
    }

    /** The exit closed exactly what the entry bought. */
    private void awaitHolding(String account, int shares) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(shares, holding(account)));
    }

    private long submits(String account) {
        return admin.accountStats(sim.account(account).brokerAccountNo()).path("requests").path(SUBMIT).asLong();
    }

    @Test
    void takeProfitFillingCancelsTheArmedStop() {
        long before = submits(ACCOUNT_A2);
        int held = holding(ACCOUNT_A2);
        String orderId = trader.place(ACCOUNT_A2, bracketBuy("tp-" + UUID.randomUUID(), "650",
                        ",\"take_profit\":700,\"stop_loss\":600")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        await().atMost(Duration.ofSeconds(15)).until(() -> "filled".equals(trader.get("/v1/accounts/" + ACCOUNT_A2
                + "/orders/" + orderId).jsonPath().getString("status")));
        awaitLeg(ACCOUNT_A2, orderId, "take_profit", "active");
        awaitLeg(ACCOUNT_A2, orderId, "stop_loss", "armed");
        assertTheArmedStopsQuotesAreRestated(ACCOUNT_A2);
        List<Map<String, Object>> working = legs(ACCOUNT_A2, orderId);
        working.forEach(l -> {
            assertEquals("sell", l.get("side"));
            assertEquals(100, ((Number) l.get("quantity")).intValue());
        });

        admin.movePrice("700.HK", "705");
        awaitLeg(ACCOUNT_A2, orderId, "take_profit", "filled");
        awaitLeg(ACCOUNT_A2, orderId, "stop_loss", "cancelled");
        assertEquals(2, submits(ACCOUNT_A2) - before, "the entry and the take profit reach the broker once; the stop never");
        awaitHolding(ACCOUNT_A2, held);
    }

    /** The socket owner forgets an intent not restated within its lease: the armed stops' quotes are restated. */
    private void assertTheArmedStopsQuotesAreRestated(String account) {
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.lastIntent(account) != null
                && sim.lastIntent(account).wanted().containsKey(InstrumentId.parse("700.HK")));
        SubscriptionIntent stated = sim.lastIntent(account);
        stops.restate();
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.lastIntent(account) != stated);
        SubscriptionIntent again = sim.lastIntent(account);
        assertEquals(stated.pod(), again.pod());
        assertEquals(stated.wanted(), again.wanted());
        assertFalse(again.at().isBefore(stated.at()), again.at() + " before " + stated.at());
    }

    @Test
    void aStopReachedTakesTheTakeProfitOffAndSellsAtMarket() {
        int held = holding(ACCOUNT_A2);
        String orderId = trader.place(ACCOUNT_A2, bracketBuy("sl-" + UUID.randomUUID(), "650",
                        ",\"take_profit\":700,\"stop_loss\":600")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        awaitLeg(ACCOUNT_A2, orderId, "stop_loss", "armed");
        awaitLeg(ACCOUNT_A2, orderId, "take_profit", "active");
        long before = submits(ACCOUNT_A2);
        admin.movePrice("700.HK", "595");
        awaitLeg(ACCOUNT_A2, orderId, "take_profit", "cancelled");
        awaitLeg(ACCOUNT_A2, orderId, "stop_loss", "filled");
        assertEquals(1, submits(ACCOUNT_A2) - before, "the fired stop reaches the broker once, as a market order");
        awaitHolding(ACCOUNT_A2, held);
    }

    @Test
    void exitsWaitInactiveAndGoWithAnEntryCancelledUnfilled() {
        long before = submits(ACCOUNT_A);
        String orderId = trader.place(ACCOUNT_A, bracketBuy("wait-" + UUID.randomUUID(), "600",
                        ",\"take_profit\":650,\"stop_loss\":580")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        List<Map<String, Object>> waiting = legs(ACCOUNT_A, orderId);
        assertEquals(2, waiting.size());
        waiting.forEach(l -> assertEquals("inactive", l.get("state")));
        assertEquals(1, submits(ACCOUNT_A) - before, "nothing but the entry is at the broker");

        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(202);
        awaitLeg(ACCOUNT_A, orderId, "take_profit", "cancelled");
        awaitLeg(ACCOUNT_A, orderId, "stop_loss", "cancelled");
        JsonPath leg = trader.get("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId + "/brackets").jsonPath();
        assertEquals(2, leg.getList("findAll { it.message.contains('without a fill') }").size());
    }

    @Test
    void anInactiveExitCanBeMovedAndCancelledOnItsOwn() {
        String orderId = trader.place(ACCOUNT_A, bracketBuy("move-" + UUID.randomUUID(), "600",
                        ",\"take_profit\":650,\"stop_loss\":580")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        String tp = (String) legs(ACCOUNT_A, orderId).stream().filter(l -> "take_profit".equals(l.get("role")))
                .findFirst().orElseThrow().get("leg_id");
        trader.request().contentType(ContentType.JSON).body("{\"price\":660}")
                .patch("/v1/accounts/" + ACCOUNT_A + "/brackets/" + tp).then().statusCode(200)
                .body("limit_price", is(660)).body("state", is("inactive"));
        trader.request().contentType(ContentType.JSON).body("{\"price\":660.3}")
                .patch("/v1/accounts/" + ACCOUNT_A + "/brackets/" + tp).then().statusCode(400);
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/brackets/" + tp).then().statusCode(202)
                .body("state", is("cancelled"));
        assertEquals("inactive", legState(ACCOUNT_A, orderId, "stop_loss"));
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(202);
    }

    @Test
    void theSameKeyWithTheSameExitsIsAReplayAndWithOtherExitsAConflict() {
        String cid = "replay-" + UUID.randomUUID();
        String body = bracketBuy(cid, "600", ",\"take_profit\":650,\"stop_loss\":580");
        String first = trader.place(ACCOUNT_A, body).then().statusCode(201).extract().jsonPath().getString("order_id");
        trader.place(ACCOUNT_A, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("order_id", is(first));
        assertEquals(2, legs(ACCOUNT_A, first).size());
        trader.place(ACCOUNT_A, bracketBuy(cid, "600", ",\"take_profit\":655,\"stop_loss\":580")).then().statusCode(409);
        trader.place(ACCOUNT_A, TradeApi.limitBuy(cid, "100", "600")).then().statusCode(409);

        String plain = "plain-" + UUID.randomUUID();
        String plainId = trader.place(ACCOUNT_A, TradeApi.limitBuy(plain, "100", "600")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        trader.place(ACCOUNT_A, bracketBuy(plain, "600", ",\"take_profit\":650")).then().statusCode(409);
        assertEquals(0, legs(ACCOUNT_A, plainId).size());
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders").then().statusCode(200);
    }

    @Test
    void exitsOnTheWrongSideOrOffTheTickAreRefusedBeforeTheBroker() {
        long before = submits(ACCOUNT_A);
        String[] bad = {
                ",\"take_profit\":590",                        // below a buy's entry
                ",\"stop_loss\":610",                          // above a buy's entry
                ",\"take_profit\":650,\"stop_loss\":660",      // take profit under the stop
                ",\"stop_loss\":580,\"trailing_stop\":5",      // two stops
                ",\"take_profit\":650.3",                      // off the 0.5 tick
                ",\"stop_loss\":-1",
                ",\"take_profit\":0"};
        for (String exits : bad) {
            trader.place(ACCOUNT_A, bracketBuy("bad-" + UUID.randomUUID(), "600", exits)).then().statusCode(400)
                    .body("code", is("invalid_request"));
        }
        trader.place(ACCOUNT_A, bracketBuy("nan-" + UUID.randomUUID(), "600", ",\"take_profit\":\"NaN\""))
                .then().statusCode(400);
        assertEquals(0, submits(ACCOUNT_A) - before);
    }

    @Test
    void anotherTenantSeesNoExitsAndCannotTouchThem() {
        String orderId = trader.place(ACCOUNT_A, bracketBuy("iso-" + UUID.randomUUID(), "600",
                        ",\"take_profit\":650")).then().statusCode(201).extract().jsonPath().getString("order_id");
        String tp = (String) legs(ACCOUNT_A, orderId).get(0).get("leg_id");
        TradeApi other = TradeApi.as(TENANT_B, "trade accounts:read", SimTradingAccounts.ACCOUNT_B);
        other.get("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId + "/brackets").then().statusCode(404);
        other.request().delete("/v1/accounts/" + ACCOUNT_A + "/brackets/" + tp).then().statusCode(404);
        other.get("/v1/accounts/" + SimTradingAccounts.ACCOUNT_B + "/orders/" + orderId + "/brackets").then().statusCode(404);
        other.request().delete("/v1/accounts/" + SimTradingAccounts.ACCOUNT_B + "/brackets/" + tp).then().statusCode(404)
                .body("detail", containsString("not found"));
        assertEquals("inactive", legState(ACCOUNT_A, orderId, "take_profit"));
        trader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId).then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> "cancelled".equals(legState(ACCOUNT_A, orderId, "take_profit")));
        trader.get("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId + "/brackets").then().body("$", hasSize(1));
    }
}

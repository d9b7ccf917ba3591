package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.trade.sim.PaperExchangeTest;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Orders through the TradingView facade against the real paper exchange, as TradingView sends
 * them: place, work, fill (partly, then fully, by moving the market), modify, cancel, close a
 * position. Every answer is checked against the spec's schema for its operation.
 */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradingViewLifecycleTest extends PaperExchangeTest {

    static final String ORDERS = "/accounts/{accountId}/orders";
    static final String ORDER = "/accounts/{accountId}/orders/{orderId}";
    static final String POSITIONS = "/accounts/{accountId}/positions";
    static final String POSITION = "/accounts/{accountId}/positions/{positionId}";

    private final TradingViewClient tv = TradingViewClient.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_A2);

    @Test
    void placeModifyCancelAsTradingViewSendsThem() {
        String id = place(ACCOUNT_A, UUID.randomUUID().toString(), "instrument=700.HK&qty=100&side=buy&type=limit"
                + "&limitPrice=600&stopPrice=0&durationType=day&durationDateTime=0&stopLoss=0&trailingStopPips=0"
                + "&guaranteedStop=0&takeProfit=0&currentAsk=640.5&currentBid=640&myDialogField=on");
        JsonNode working = awaitOrder(ACCOUNT_A, id, o -> o.path("status").asText().equals("working"));
        assertEquals("limit", working.path("type").asText());
        assertEquals(0, new BigDecimal("600").compareTo(working.path("limitPrice").decimalValue()));

        TradingViewClient.ok(tv.form("PUT", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + id,
                "qty=200&limitPrice=601&stopPrice=0&stopLoss=0&takeProfit=0&currentAsk=640.5&currentBid=640"));
        awaitOrder(ACCOUNT_A, id, o -> o.path("qty").asInt() == 200 && o.path("limitPrice").asDouble() == 601.0);

        TradingViewClient.ok(tv.form("DELETE", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + id, null));
        awaitOrder(ACCOUNT_A, id, o -> o.path("status").asText().equals("cancelled"));
        await().atMost(Duration.ofSeconds(10)).until(() -> find(tv.get("/accounts/{accountId}/ordersHistory", ACCOUNT_A,
                "maxCount=50"), id).map(o -> o.path("status").asText().equals("cancelled")).orElse(false));
        JsonNode again = tv.form("DELETE", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + id, null);
        assertEquals("error", again.path("s").asText());
        assertEquals("order " + id + " is already cancelled", again.path("errmsg").asText());
    }

    @Test
    void aPartialFillWorksOnThenFillsAndThePositionClosesInTwoSteps() {
        BigDecimal before = position(ACCOUNT_A2).map(p -> p.path("qty").decimalValue()).orElse(BigDecimal.ZERO);
        // 20 lots at the best ask: the ask level holds fewer, so the order fills in part and works on.
        String id = place(ACCOUNT_A2, UUID.randomUUID().toString(),
                "instrument=700.HK&qty=2000&side=buy&type=limit&limitPrice=640.5&currentAsk=640.5&currentBid=640");
        JsonNode partial = awaitOrder(ACCOUNT_A2, id, o -> o.path("filledQty").asInt() > 0);
        assertEquals("working", partial.path("status").asText(), partial.toString());
        assertTrue(partial.path("filledQty").asInt() < 2000, partial.toString());

        admin.movePrice("700.HK", "630");
        JsonNode filled = awaitOrder(ACCOUNT_A2, id, o -> o.path("status").asText().equals("filled"));
        assertEquals(2000, filled.path("filledQty").asInt());
        JsonNode executions = tv.get("/accounts/{accountId}/executions", ACCOUNT_A2, "instrument=700.HK&maxCount=100");
        assertTrue(executions.path("d").findValues("orderId").stream().filter(n -> n.asText().equals(id)).count() >= 2,
                executions.toString());
        BigDecimal held = await().atMost(Duration.ofSeconds(10)).until(() -> position(ACCOUNT_A2)
                .map(p -> p.path("qty").decimalValue()).orElse(BigDecimal.ZERO), q -> q.compareTo(before.add(BigDecimal.valueOf(2000))) == 0);

        TradingViewClient.ok(tv.form("DELETE", POSITION, "/accounts/" + ACCOUNT_A2 + "/positions/700.HK", "amount=1000"));
        await().atMost(Duration.ofSeconds(15)).until(() -> position(ACCOUNT_A2).map(p -> p.path("qty").decimalValue())
                .orElse(BigDecimal.ZERO).compareTo(held.subtract(BigDecimal.valueOf(1000))) == 0);
        TradingViewClient.ok(tv.form("DELETE", POSITION, "/accounts/" + ACCOUNT_A2 + "/positions/700.HK", null));
        await().atMost(Duration.ofSeconds(15)).until(() -> position(ACCOUNT_A2).isEmpty());
    }

    @Test
    void theSameRequestIdTwiceIsOneOrder() {
        String requestId = "23425678343-" + UUID.randomUUID().toString().substring(0, 8);
        String form = "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=590&currentAsk=640.5&currentBid=640";
        String first = place(ACCOUNT_A, requestId, form);
        String retry = place(ACCOUNT_A, requestId, form);
        assertEquals(first, retry);
        JsonNode orders = tv.get(ORDERS, ACCOUNT_A, null);
        assertEquals(1, orders.path("d").findValues("id").stream().filter(n -> n.asText().equals(first)).count());
        JsonNode other = tv.form("POST", ORDERS, "/accounts/" + ACCOUNT_A + "/orders?requestId=" + requestId,
                form.replace("qty=100", "qty=200"));
        assertEquals("error", other.path("s").asText());
        assertTrue(other.path("errmsg").asText().contains("already used"), other.toString());
        tv.form("DELETE", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + first, null);
    }

    @Test
    void aPreviewedOrderIsPlacedWithItsConfirmIdAndAChangedOneIsNot() {
        String form = "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=600&currentAsk=640.5&currentBid=640";
        JsonNode preview = tv.form("POST", "/accounts/{accountId}/previewOrder", "/accounts/" + ACCOUNT_A + "/previewOrder", form);
        TradingViewClient.ok(preview);
        String confirmId = preview.path("d").path("confirmId").asText();
        assertTrue(!confirmId.isEmpty(), preview.toString());
        assertTrue(preview.toString().contains("Stamp duty"), preview.toString());

        JsonNode changed = tv.form("POST", ORDERS, "/accounts/" + ACCOUNT_A + "/orders",
                form.replace("qty=100", "qty=200") + "&confirmId=" + confirmId);
        assertEquals("The order differs from the one you previewed: preview it again", changed.path("errmsg").asText());
        String id = place(ACCOUNT_A, UUID.randomUUID().toString(), form + "&confirmId=" + confirmId);
        awaitOrder(ACCOUNT_A, id, o -> o.path("status").asText().equals("working"));

        JsonNode modifyPreview = tv.form("POST", "/accounts/{accountId}/previewOrder", "/accounts/" + ACCOUNT_A + "/previewOrder",
                form.replace("qty=100", "qty=300") + "&id=" + id);
        String modifyConfirm = modifyPreview.path("d").path("confirmId").asText();
        TradingViewClient.ok(tv.form("PUT", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + id,
                "qty=300&limitPrice=600&confirmId=" + modifyConfirm));
        awaitOrder(ACCOUNT_A, id, o -> o.path("qty").asInt() == 300);
        tv.form("DELETE", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + id, null);
    }

    private String place(String account, String requestId, String form) {
        JsonNode placed = tv.form("POST", ORDERS, "/accounts/" + account + "/orders?requestId=" + requestId, form);
        TradingViewClient.ok(placed);
        return placed.path("d").path("orderId").asText();
    }

    private JsonNode awaitOrder(String account, String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> find(tv.get(ORDERS, account, null), id).orElse(null),
                o -> o != null && condition.test(o));
    }

    private Optional<JsonNode> position(String account) {
        return find(tv.get(POSITIONS, account, null), "700.HK");
    }

    static Optional<JsonNode> find(JsonNode answer, String id) {
        for (JsonNode n : answer.path("d")) {
            if (n.path("id").asText().equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}

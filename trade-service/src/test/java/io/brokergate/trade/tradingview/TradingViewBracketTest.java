package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.trade.brackets.BracketTestProfile;
import io.brokergate.trade.sim.PaperExchangeTest;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Brackets as TradingView places and shows them: stop loss and take profit on the order ticket,
 * exits listed under their own ids with parentId, inactive until the entry fills, moved and
 * cancelled as orders of their own. Every answer is checked against the spec.
 */
@QuarkusTest
@TestProfile(BracketTestProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class TradingViewBracketTest extends PaperExchangeTest {

    private static final String ORDERS = "/accounts/{accountId}/orders";
    private static final String ORDER = "/accounts/{accountId}/orders/{orderId}";

    private final TradingViewClient tv = TradingViewClient.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_A2);

    private String place(String account, String form) {
        JsonNode answer = tv.form("POST", ORDERS, "/accounts/" + account + "/orders?requestId=" + UUID.randomUUID(), form);
        TradingViewClient.ok(answer);
        return answer.path("d").path("orderId").asText();
    }

    private List<JsonNode> exitsOf(String account, String parentId) {
        List<JsonNode> exits = new ArrayList<>();
        tv.get(ORDERS, account, null).path("d").forEach(o -> {
            if (parentId.equals(o.path("parentId").asText())) {
                exits.add(o);
            }
        });
        return exits;
    }

    private JsonNode exit(String account, String parentId, String type) {
        return exitsOf(account, parentId).stream().filter(o -> type.equals(o.path("type").asText())).findFirst().orElseThrow();
    }

    @Test
    void exitsWaitInactiveUnderTheirOwnIdsAndMoveAndCancelAsOrders() {
        String entry = place(ACCOUNT_A, "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=600&currentAsk=640.5"
                + "&currentBid=640&takeProfit=650&stopLoss=580&trailingStopPips=0&guaranteedStop=0");
        List<JsonNode> exits = exitsOf(ACCOUNT_A, entry);
        assertEquals(2, exits.size());
        exits.forEach(o -> {
            assertEquals("inactive", o.path("status").asText());
            assertEquals("order", o.path("parentType").asText());
            assertEquals("sell", o.path("side").asText());
            assertEquals(100, o.path("qty").asInt());
        });
        String takeProfit = exit(ACCOUNT_A, entry, "limit").path("id").asText();
        String stopLoss = exit(ACCOUNT_A, entry, "stop").path("id").asText();

        TradingViewClient.ok(tv.form("PUT", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + takeProfit,
                "qty=100&limitPrice=660&currentAsk=640.5&currentBid=640"));
        assertEquals(660, exit(ACCOUNT_A, entry, "limit").path("limitPrice").asInt());
        JsonNode resized = tv.form("PUT", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + takeProfit, "qty=300&limitPrice=660");
        assertEquals("The quantity of a bracket exit follows its entry order", resized.path("errmsg").asText());

        TradingViewClient.ok(tv.form("DELETE", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + stopLoss, null));
        assertEquals("cancelled", exit(ACCOUNT_A, entry, "stop").path("status").asText(), "a final exit stays listed");

        TradingViewClient.ok(tv.form("DELETE", ORDER, "/accounts/" + ACCOUNT_A + "/orders/" + entry, null));
        await().atMost(Duration.ofSeconds(15)).until(() -> "cancelled".equals(exit(ACCOUNT_A, entry, "limit")
                .path("status").asText()));
    }

    @Test
    void whenTheEntryFillsTheExitsWorkUnderTheSameIds() {
        String entry = place(ACCOUNT_A2, "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=650&currentAsk=640.5"
                + "&currentBid=640&takeProfit=700&stopLoss=600");
        String takeProfit = exit(ACCOUNT_A2, entry, "limit").path("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> exitsOf(ACCOUNT_A2, entry).stream()
                .allMatch(o -> o.path("status").asText().equals("working")));
        assertEquals(takeProfit, exit(ACCOUNT_A2, entry, "limit").path("id").asText(), "the exit kept its id at the broker");
        assertTrue(takeProfit.startsWith("bkt-"));

        admin.movePrice("700.HK", "705");
        await().atMost(Duration.ofSeconds(15)).until(() -> "filled".equals(exit(ACCOUNT_A2, entry, "limit").path("status")
                .asText()) && "cancelled".equals(exit(ACCOUNT_A2, entry, "stop").path("status").asText()));
    }

    @Test
    void bracketsOnAPositionOrAGuaranteedStopAreRefusedClearly() {
        JsonNode guaranteed = tv.form("POST", ORDERS, "/accounts/" + ACCOUNT_A + "/orders?requestId=" + UUID.randomUUID(),
                "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=600&currentAsk=640.5&currentBid=640&guaranteedStop=550");
        assertEquals("Guaranteed stops are not offered for Paper exchange (LongPort protocol) accounts", guaranteed.path("errmsg").asText());
        JsonNode wrongSide = tv.form("POST", ORDERS, "/accounts/" + ACCOUNT_A + "/orders?requestId=" + UUID.randomUUID(),
                "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=600&currentAsk=640.5&currentBid=640&takeProfit=590");
        assertEquals("take_profit must be above the entry price 600", wrongSide.path("errmsg").asText());
    }
}

package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session-level endpoints, the account data TradingView polls, and what 1.4.15–1.4.27 added
 * (userInfo, orderInfo, the newer flags), each checked against the spec and by hand.
 */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradingViewAccountsTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    private final TradingViewClient tv = TradingViewClient.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_A2);

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void configAccountsAndUserInfo() {
        JsonNode config = tv.get("/config", null, null).path("d");
        assertEquals(List.of("day", "gtc", "gtd"), config.path("durations").findValuesAsText("id"));
        assertEquals("qty", config.path("orderInfoConfig").path("dependencies").get(1).asText());

        JsonNode accounts = tv.get("/accounts", null, null).path("d");
        assertEquals(List.of(ACCOUNT_A, ACCOUNT_A2), List.of(accounts.get(0).path("id").asText(), accounts.get(1).path("id").asText()));
        assertEquals(2, accounts.size());
        JsonNode account = accounts.get(0);
        assertEquals("demo", account.path("type").asText());
        assertEquals("HKD", account.path("currency").asText());
        JsonNode flags = account.path("config");
        assertTrue(flags.path("supportStopLoss").asBoolean(), "1.4.25 flag: the gateway runs the paper exchange's brackets");
        assertTrue(flags.path("supportCustomOrderInfo").asBoolean(), "1.4.27 flag");
        assertFalse(flags.path("supportCloseIndividualPosition").asBoolean(true), "1.4.17 flag");
        assertFalse(flags.path("supportRiskControlsAndInfo").asBoolean(true), "1.4.15 flag");
        assertTrue(flags.path("supportOrderBrackets").asBoolean());
        assertTrue(flags.path("supportMarketBrackets").asBoolean());
        assertFalse(flags.path("supportModifyBrackets").asBoolean(true), "exits move as orders of their own");
        assertTrue(flags.path("supportClosePosition").asBoolean());
        assertTrue(flags.path("supportPlaceOrderPreview").asBoolean());

        JsonNode user = tv.get("/userInfo", null, null);
        assertEquals("tv-user-" + TENANT_A, user.path("d").path("id").asText());
    }

    @Test
    void instrumentsAreTheConfiguredSymbolsOfTheBrokersMarkets() {
        JsonNode instruments = tv.get("/accounts/{accountId}/instruments", ACCOUNT_A, null).path("d");
        List<String> names = instruments.findValuesAsText("name");
        assertTrue(names.containsAll(List.of("700.HK", "AAPL.US")), names.toString());
        JsonNode tencent = instruments.get(names.indexOf("700.HK"));
        assertEquals(100, tencent.path("minQty").asInt());
        assertEquals(100, tencent.path("qtyStep").asInt());
        assertTrue(tencent.path("variableMinTick").asText().startsWith("0.001 0.25 0.005"), tencent.toString());
    }

    @Test
    void accountDataAnswersFromTheBook() {
        tv.get("/accounts/{accountId}/state", ACCOUNT_A, null);
        tv.get("/accounts/{accountId}/orders", ACCOUNT_A, null);
        tv.get("/accounts/{accountId}/ordersHistory", ACCOUNT_A, "maxCount=10");
        tv.get("/accounts/{accountId}/positions", ACCOUNT_A, null);
        tv.get("/accounts/{accountId}/executions", ACCOUNT_A, "instrument=700.HK&maxCount=5");
        JsonNode balances = tv.get("/accounts/{accountId}/balances", ACCOUNT_A, null).path("d");
        assertEquals("HKD", balances.get(0).path("symbol").asText());
        JsonNode state = tv.get("/accounts/{accountId}/state", ACCOUNT_A, null).path("d");
        assertTrue(state.path("balance").decimalValue().signum() > 0, state.toString());
    }

    @Test
    void netAndIndividualPositionsAnswerOnlyWhereTheBrokerReportsThem() {
        String account = "/tv/accounts/" + ACCOUNT_A;
        for (String path : List.of("/netPositions", "/individualPositions")) {
            tv.request().get(account + path + "?locale=en").then().statusCode(200).body("s", is("error"))
                    .body("errmsg", containsString("reports one position per instrument: use positions"));
        }
        tv.request().contentType("application/x-www-form-urlencoded").delete(account + "/netPositions/700.HK?locale=en")
                .then().statusCode(200).body("s", is("error")).body("errmsg", containsString("Net positions are not supported"));
        tv.request().contentType("application/x-www-form-urlencoded").body("stopLoss=1")
                .put(account + "/individualPositions/700.HK?locale=en").then().statusCode(200).body("s", is("error"));
    }

    @Test
    void orderInfoAndPreviewCarryTheEstimate() {
        String form = "instrument=700.HK&qty=150&side=buy&type=limit&limitPrice=600.2&currentAsk=640.5&currentBid=640";
        JsonNode info = tv.form("POST", "/accounts/{accountId}/orderInfo", "/accounts/" + ACCOUNT_A + "/orderInfo", form);
        List<String> titles = info.path("d").path("rows").findValuesAsText("title");
        assertTrue(titles.containsAll(List.of("Estimated value", "Fees (estimated)", "Buying power")), titles.toString());
        assertTrue(info.path("d").path("errors").toString().contains("whole number of lots"), info.toString());
        assertTrue(info.path("d").path("errors").toString().contains("tick"), info.toString());

        JsonNode preview = tv.form("POST", "/accounts/{accountId}/previewOrder", "/accounts/" + ACCOUNT_A + "/previewOrder", form);
        assertTrue(preview.path("d").path("confirmId").isMissingNode(), "an order that would be refused has no confirmId");
        JsonNode market = tv.form("POST", "/accounts/{accountId}/previewOrder", "/accounts/" + ACCOUNT_A + "/previewOrder",
                "instrument=700.HK&qty=100&side=buy&type=market&currentAsk=640.5&currentBid=640");
        assertTrue(market.toString().contains("640.5 (ask)"), market.toString());
        assertTrue(market.toString().contains("Max quantity (broker estimate)"), market.toString());
    }

    @Test
    void latencyReportsBecomeATimerPerTransactionType() {
        TradingViewClient.ok(tv.form("POST", "/accounts/{accountId}/trackLatency", "/accounts/" + ACCOUNT_A + "/trackLatency",
                "transactionId=tx-1&transactionType=place_order&instrument=700.HK&qty=100&side=buy&ask=640.5&bid=640"
                        + "&timestamp=1548406235000&roundTripStartTime=1548406230000&roundTripDuration=183"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("brokergate_tradingview_round_trip_seconds_count{transaction_type=\"place_order\"}"));
    }

    @Test
    void everyLocaleIsAcceptedAndAnsweredInEnglish() {
        for (String locale : List.of("en", "zh_TW", "ar_AE", "fa_IR", "sv_SE", "xx_YY", "")) {
            tv.request().get("/tv/accounts/" + ACCOUNT_A + "/orders?locale=" + locale).then().statusCode(200).body("s", is("ok"));
        }
        tv.request().get("/tv/accounts/" + ACCOUNT_A + "/orders").then().statusCode(200).body("s", is("ok"));
        tv.request().get("/tv/accounts/" + ACCOUNT_A + "/executions?locale=zh_CN").then().statusCode(200)
                .body("errmsg", is("instrument is required"));
    }
}

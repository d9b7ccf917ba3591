package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed, missing and hostile input on every TradingView POST, PUT and DELETE: an error in
 * TradingView's envelope that says what is wrong, never a 500, never an order at the broker.
 */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradingViewInputTest {

    private static final String BASE = "/tv/accounts/" + ACCOUNT_A;
    private static final String GOOD = "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=600&currentAsk=640.5&currentBid=640";
    private static final String FORM = "application/x-www-form-urlencoded";

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;

    private final TradingViewClient tv = TradingViewClient.as(TENANT_A, "trade accounts:read", ACCOUNT_A);

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void badOrderFormsAreRefusedWithTheReason() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry(GOOD.replace("instrument=700.HK&", ""), "instrument is required"),
                Map.entry(GOOD.replace("qty=100&", ""), "qty is required"),
                Map.entry(GOOD.replace("side=buy&", ""), "side is required"),
                Map.entry(GOOD.replace("type=limit&", ""), "type is required"),
                Map.entry(GOOD.replace("qty=100", "qty=0"), "qty must be positive"),
                Map.entry(GOOD.replace("qty=100", "qty=-100"), "qty must be positive"),
                Map.entry(GOOD.replace("qty=100", "qty=NaN"), "qty must be a number, not 'NaN'"),
                Map.entry(GOOD.replace("qty=100", "qty=Infinity"), "qty must be a number, not 'Infinity'"),
                Map.entry(GOOD.replace("qty=100", "qty=1e308"), "qty is too large"),
                Map.entry(GOOD.replace("qty=100", "qty=1e-9999"), "qty must be positive"),
                Map.entry(GOOD.replace("qty=100", "qty=150"), "not a whole number of lots of 100"),
                Map.entry(GOOD.replace("limitPrice=600", "limitPrice=600.2"), "not on the tick size"),
                Map.entry(GOOD.replace("limitPrice=600", "limitPrice=0"), "limitPrice is required for this order type"),
                Map.entry(GOOD.replace("&limitPrice=600", ""), "limitPrice is required for this order type"),
                Map.entry(GOOD.replace("type=limit", "type=stop"), "stopPrice is required for this order type"),
                Map.entry(GOOD.replace("700.HK", "NOPE.HK"), "unknown symbol NOPE.HK"),
                Map.entry(GOOD.replace("700.HK", "%3Cscript%3E"), "unknown instrument '<script>'"),
                Map.entry(GOOD.replace("700.HK", "700.XX"), "unknown instrument '700.XX'"),
                Map.entry(GOOD.replace("side=buy", "side=hold"), "side must be buy or sell, not 'hold'"),
                Map.entry(GOOD.replace("type=limit", "type=iceberg"), "type must be market, limit, stop or stoplimit"),
                Map.entry(GOOD + "&durationType=forever", "durationType must be one of"),
                Map.entry(GOOD + "&durationType=gtd", "durationDateTime is required"),
                Map.entry(GOOD + "&stopLoss=610", "stop_loss must be below the entry price 600"),
                Map.entry(GOOD + "&guaranteedStop=550", "Guaranteed stops are not offered"),
                Map.entry(GOOD + "&takeProfit=-1", "takeProfit must not be negative"),
                Map.entry(GOOD + "&qty=200", "qty is given more than once"),
                Map.entry(GOOD + "&x=%ZZ", "bad %-escape"),
                Map.entry(GOOD + "&confirmId=nonsense", "confirmId is not one this broker issued"));
        long placed = places();
        // Previews show what the broker's rules would refuse as errors of a valid answer, and issue no confirmId.
        List<String> placeOnly = List.of("whole number of lots", "tick size", "confirmId");
        cases.forEach((form, reason) -> {
            for (String path : List.of("/orders?requestId=bad-input&", "/previewOrder?", "/orderInfo?")) {
                if (path.startsWith("/orders") || placeOnly.stream().noneMatch(reason::contains)) {
                    refused(tv.request().contentType(FORM).body(form).post(BASE + path + "locale=en").then(), reason);
                }
            }
        });
        assertEquals(placed, places(), "no order reached the broker");
        tv.request().contentType(FORM).body(GOOD).post(BASE + "/orders?locale=en").then().body("s", is("ok"));
        assertEquals(placed + 1, places(), "the counter does see a real place");
    }

    @Test
    void bodiesThatAreNotFormsAreRefused() {
        refused(tv.request().contentType("application/json").body("{\"instrument\":\"700.HK\",\"qty\":100}")
                .post(BASE + "/orders?locale=en").then(), "must be a form (application/x-www-form-urlencoded), not 'application/json'");
        refused(tv.request().contentType("text/plain").body(GOOD).post(BASE + "/previewOrder?locale=en").then(), "must be a form");
        refused(tv.request().contentType(FORM).body(GOOD + "&pad=" + "x".repeat(20_000)).post(BASE + "/orders?locale=en").then(),
                "larger than 16384 characters");
        tv.request().contentType(FORM).body(GOOD + "&pad=" + "x".repeat(70_000)).post(BASE + "/orders?locale=en").then()
                .statusCode(413).body("s", is("error")).body("errmsg", is("the request body is too large"));
        refused(tv.request().contentType(FORM).body("a=1&".repeat(101)).post(BASE + "/orderInfo?locale=en").then(),
                "more than 100 fields");
    }

    @Test
    void modifyCancelAndCloseRefuseWhatTheyCannotDo() {
        refused(tv.request().contentType(FORM).body("qty=100").put(BASE + "/orders/no-such-order?locale=en").then(),
                "Order 'no-such-order' was not found");
        refused(tv.request().delete(BASE + "/orders/no-such-order?locale=en").then(), "order not found");
        refused(tv.request().contentType(FORM).body("amount=100").delete(BASE + "/positions/NOPE.HK?locale=en").then(),
                "There is no open position in NOPE.HK");
        refused(tv.request().contentType(FORM).body("amount=abc").delete(BASE + "/positions/700.HK?locale=en").then(),
                "amount must be a number");
        refused(tv.request().contentType(FORM).body("amount=1e308").delete(BASE + "/positions/700.HK?locale=en").then(),
                "amount is too large");
        refused(tv.request().contentType(FORM).body("stopLoss=500&takeProfit=700").put(BASE + "/positions/700.HK?locale=en")
                .then(), "Brackets can only be attached when the order is placed");
        refused(tv.request().contentType(FORM).body("side=sell").put(BASE + "/positions/700.HK?locale=en").then(),
                "Reversing a position");
        refused(tv.request().contentType(FORM).body("currentAsk=1").put(BASE + "/positions/700.HK?locale=en").then(),
                "Nothing to change");
        refused(tv.request().contentType(FORM).body("transactionId=t&transactionType=teleport&instrument=700.HK&side=buy"
                + "&ask=1&bid=1&timestamp=1&roundTripDuration=1").post(BASE + "/trackLatency").then(), "transactionType must be");
        refused(tv.request().contentType(FORM).body("transactionId=t&transactionType=place_order&instrument=700.HK&side=buy"
                + "&ask=1&bid=1&timestamp=1&roundTripDuration=-5").post(BASE + "/trackLatency").then(), "roundTripDuration");
        refused(tv.request().contentType(FORM).body("transactionType=place_order").post(BASE + "/trackLatency").then(),
                "transactionId is required");
    }

    @Test
    void frameworkFailuresComeInTheEnvelopeToo() {
        tv.request().get(BASE + "/nothing-here?locale=en").then().statusCode(404).body("s", is("error"))
                .body("errmsg", is("no such resource"));
        tv.request().contentType(FORM).body(GOOD).patch(BASE + "/orders?locale=en").then().statusCode(405)
                .body("s", is("error"));
        tv.request().get("/tv/nothing?locale=en").then().statusCode(404).body("s", is("error"));
        tv.request().get(BASE + "/executions?locale=en&instrument=700.HK&maxCount=abc").then().statusCode(200)
                .body("errmsg", containsString("maxCount must be a positive whole number"));
    }

    private long places() {
        SimAdminClient admin = new SimAdminClient(sim.sim().httpUrl());
        return admin.requests(sim.account(ACCOUNT_A).brokerAccountNo(), "POST /v1/trade/order");
    }

    private static void refused(ValidatableResponse r, String reason) {
        r.statusCode(200).body("s", is("error")).body("errmsg", containsString(reason)).body("errmsg", not(containsString("Exception")));
    }
}

package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant A's token on tenant B's account, on every /tv path: "account not found", never data, never a broker call. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradingViewIsolationTest {

    private static final String PLACE = "instrument=700.HK&qty=100&side=buy&type=limit&limitPrice=600&currentAsk=640.5&currentBid=640";
    private static final List<String[]> CALLS = List.of(
            new String[] {"GET", "/instruments", null}, new String[] {"GET", "/state", null},
            new String[] {"GET", "/orders", null}, new String[] {"GET", "/ordersHistory", null},
            new String[] {"GET", "/positions", null}, new String[] {"GET", "/netPositions", null},
            new String[] {"GET", "/individualPositions", null}, new String[] {"GET", "/executions?instrument=700.HK", null},
            new String[] {"GET", "/balances", null}, new String[] {"POST", "/orders?requestId=iso-1", PLACE},
            new String[] {"PUT", "/orders/1", "qty=100&limitPrice=600"}, new String[] {"DELETE", "/orders/1", null},
            new String[] {"POST", "/previewOrder", PLACE}, new String[] {"POST", "/orderInfo", PLACE},
            new String[] {"PUT", "/positions/700.HK", "stopLoss=500"}, new String[] {"DELETE", "/positions/700.HK", "amount=100"},
            new String[] {"DELETE", "/netPositions/700.HK", null}, new String[] {"PUT", "/individualPositions/700.HK", "stopLoss=1"},
            new String[] {"DELETE", "/individualPositions/700.HK", null},
            new String[] {"POST", "/trackLatency", "transactionId=t&transactionType=place_order&instrument=700.HK&side=buy"
                    + "&ask=1&bid=1&timestamp=1&roundTripDuration=1"});

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;

    @Test
    void anotherTenantsAccountIsNotFoundOnEveryPath() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        // Tenant A's token, even one naming tenant B's account in its grant.
        TradingViewClient intruder = TradingViewClient.as(TENANT_A, "trade accounts:read", ACCOUNT_A, ACCOUNT_B);
        SimAdminClient admin = new SimAdminClient(sim.sim().httpUrl());
        String brokerNo = sim.account(ACCOUNT_B).brokerAccountNo();
        long before = admin.totalRequests(brokerNo);
        for (String[] call : CALLS) {
            Response r = send(intruder, call, ACCOUNT_B);
            r.then().statusCode(200).body("s", is("error")).body("errmsg", is("account not found"));
            assertEquals(2, r.jsonPath().getMap("").size(), call[0] + " " + call[1] + ": " + r.asString());
        }
        assertEquals(before, admin.totalRequests(brokerNo));
        // The account's own tenant sees it.
        send(TradingViewClient.as(TENANT_B, "trade accounts:read", ACCOUNT_B), CALLS.get(2), ACCOUNT_B).then().body("s", is("ok"));
    }

    static Response send(TradingViewClient client, String[] call, String account) {
        var request = client.request().contentType("application/x-www-form-urlencoded");
        if (call[2] != null) {
            request = request.body(call[2]);
        }
        String path = "/tv/accounts/" + account + call[1];
        return request.request(call[0], path + (path.contains("?") ? "&" : "?") + "locale=en");
    }
}

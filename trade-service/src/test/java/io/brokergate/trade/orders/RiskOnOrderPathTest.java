package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Risk limits are checked on the order path before the broker is called. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class RiskOnOrderPathTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;

    private final TradeApi admin = TradeApi.as(TENANT_B, "admin trade accounts:read", ACCOUNT_B);

    @AfterEach
    void clearLimits() {
        admin.request().delete("/v1/risk/limits/accounts/" + ACCOUNT_B);
    }

    @Test
    void anOrderOverTheAccountsMaximumQuantityNeverReachesTheBroker() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        admin.request().contentType("application/json").body("{\"max_quantity\": 100}")
                .put("/v1/risk/limits/accounts/" + ACCOUNT_B).then().statusCode(200);
        SimAdminClient exchange = new SimAdminClient(sim.sim().httpUrl());
        long submits = exchange.accountStats(sim.account(ACCOUNT_B).brokerAccountNo()).path("requests")
                .path("POST /v1/trade/order").asLong();
        admin.place(ACCOUNT_B, TradeApi.limitBuy("risk-" + UUID.randomUUID(), "200", "550")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("max_quantity"));
        assertEquals(submits, exchange.accountStats(sim.account(ACCOUNT_B).brokerAccountNo()).path("requests")
                .path("POST /v1/trade/order").asLong());
    }

    @Test
    void aKeyTheRiskLimitsRefusedIsFreeForTheNextOrder() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        admin.request().contentType("application/json").body("{\"max_quantity\": 100}")
                .put("/v1/risk/limits/accounts/" + ACCOUNT_B).then().statusCode(200);
        String cid = "risk-again-" + UUID.randomUUID();
        admin.place(ACCOUNT_B, TradeApi.limitBuy(cid, "200", "550")).then().statusCode(403);
        admin.place(ACCOUNT_B, TradeApi.limitBuy(cid, "100", "550")).then().statusCode(201)
                .header("Idempotent-Replayed", "false");
    }
}

package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A2;
import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant B, or a credential granted other accounts, cannot see or touch tenant A's account: every path is 404. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TenantIsolationTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void anotherTenantsAccountIsMissingOnEveryPath() {
        String orderId = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A)
                .place(ACCOUNT_A, TradeApi.limitBuy("iso-" + UUID.randomUUID(), "100", "560")).then().statusCode(201)
                .extract().jsonPath().getString("order_id");
        TradeApi tenantB = TradeApi.as(TENANT_B, "trade accounts:read", "*");
        TradeApi narrowA = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A2);
        for (TradeApi outsider : new TradeApi[] {tenantB, narrowA}) {
            String base = "/v1/accounts/" + ACCOUNT_A;
            for (String path : new String[] {base, base + "/orders", base + "/orders/" + orderId, base + "/positions",
                    base + "/balances", base + "/executions"}) {
                outsider.get(path).then().statusCode(404).body("detail", is("account not found"));
            }
            outsider.place(ACCOUNT_A, TradeApi.limitBuy("x-" + UUID.randomUUID(), "100", "560")).then().statusCode(404);
            outsider.request().delete(base + "/orders/" + orderId).then().statusCode(404);
            outsider.request().delete(base + "/orders").then().statusCode(404);
            outsider.request().contentType("application/json").body("{\"quantity\":200}").patch(base + "/orders/" + orderId)
                    .then().statusCode(404);
        }
        tenantB.get("/v1/accounts").then().statusCode(200).body("id", contains(ACCOUNT_B));
        narrowA.get("/v1/accounts").then().statusCode(200).body("id", contains(ACCOUNT_A2));
        TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A).request().delete("/v1/accounts/" + ACCOUNT_A + "/orders/" + orderId)
                .then().statusCode(202);
    }

    @Test
    void readOnlyCredentialsCannotTrade() {
        TradeApi reader = TradeApi.as(TENANT_A, "accounts:read", ACCOUNT_A);
        reader.place(ACCOUNT_A, TradeApi.limitBuy("ro-" + UUID.randomUUID(), "100", "560")).then().statusCode(403);
        reader.request().delete("/v1/accounts/" + ACCOUNT_A + "/orders").then().statusCode(403);
        reader.get("/v1/accounts/" + ACCOUNT_A + "/orders").then().statusCode(200);
    }
}

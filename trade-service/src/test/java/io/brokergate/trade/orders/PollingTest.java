package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Polling is answered from the book that order events keep current: the broker sees none of it. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class PollingTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;

    @Test
    void aThousandPollsCostTheBrokerNothing() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        TradeApi poller = TradeApi.as(TENANT_B, "accounts:read", ACCOUNT_B);
        String base = "/v1/accounts/" + ACCOUNT_B;
        poller.get(base + "/positions").then().statusCode(200); // the one reconciliation after start
        SimAdminClient admin = new SimAdminClient(sim.sim().httpUrl());
        String brokerNo = sim.account(ACCOUNT_B).brokerAccountNo();
        Map<String, Long> before = requestsExceptHeartbeats(admin, brokerNo);
        for (int i = 0; i < 1_000; i++) {
            String path = switch (i % 4) {
                case 0 -> base + "/orders";
                case 1 -> base + "/positions";
                case 2 -> base + "/balances";
                default -> base + "/executions";
            };
            poller.get(path).then().statusCode(200);
        }
        assertEquals(before, requestsExceptHeartbeats(admin, brokerNo));
    }

    /** Requests by command; the sockets' keep-alive heartbeats tick on their own timer, whatever clients do. */
    private static Map<String, Long> requestsExceptHeartbeats(SimAdminClient admin, String brokerNo) {
        Map<String, Long> out = new TreeMap<>();
        admin.accountStats(brokerNo).path("requests").fields().forEachRemaining(e -> {
            if (!e.getKey().endsWith(" Heartbeat")) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }
}

package io.brokergate.trade.tradingview;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_B;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.trade.sim.SimTradingAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TradingView's polling (orders, positions, state, executions) is answered from the book: the
 * broker gets no call from it. The sockets' own heartbeats go on regardless and are not counted.
 */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradingViewPollingTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    SimTradingAccounts sim;
    @TestHTTPResource("/")
    URI base;

    @Test
    void aThousandPollsCostTheBrokerNothing() throws Exception {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        String token = TestTokens.token("accounts:read").subject("poller").tenant(TENANT_B).accounts(ACCOUNT_B).rs256();
        HttpClient http = HttpClient.newHttpClient();
        String account = "tv/accounts/" + ACCOUNT_B;
        poll(http, token, account + "/state?locale=en"); // the one reconciliation after start
        SimAdminClient admin = new SimAdminClient(sim.sim().httpUrl());
        String brokerNo = sim.account(ACCOUNT_B).brokerAccountNo();
        JsonNode before = admin.accountStats(brokerNo).path("requests");
        for (int i = 0; i < 1_000; i++) {
            poll(http, token, account + switch (i % 4) {
                case 0 -> "/orders?locale=en";
                case 1 -> "/positions?locale=en";
                case 2 -> "/state?locale=en";
                default -> "/executions?locale=en&instrument=700.HK";
            });
        }
        JsonNode after = admin.accountStats(brokerNo).path("requests");
        assertTrue(brokerCalls(before) > 0, "the reconciliation was counted: " + before);
        assertEquals(brokerCalls(before), brokerCalls(after), before + " -> " + after);
    }

    private void poll(HttpClient http, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"s\":\"ok\""), r.body());
    }

    /** REST calls and socket commands, keep-alive heartbeats left out. */
    private static long brokerCalls(JsonNode requests) {
        long n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().endsWith(" Heartbeat")) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }
}

package io.brokergate.stream.tradingview;

import static io.brokergate.api.security.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TradingViewStreamsProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class TradingViewStreamsRouteTest {

    @TestHTTPResource("/tv/accounts")
    URI base;
    @Inject
    TestStreamEvents events;
    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishSigningKey() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void checksHappenBeforeTheStreamInTheTradingViewEnvelope() {
        given().get("/tv/accounts/acc-a1/stream/orders").then().statusCode(401)
                .contentType("application/json").body("s", equalTo("error")).body("errmsg", notNullValue());
        given().auth().oauth2(token("quotes:read").rs256()).get("/tv/accounts/acc-a1/stream/positions")
                .then().statusCode(403).body("s", equalTo("error"));
        given().auth().oauth2(token("accounts:read").rs256()).get("/tv/accounts/acc-b1/stream/state")
                .then().statusCode(404).contentType("application/json").body("s", equalTo("error"))
                .body("errmsg", notNullValue());
    }

    @Test
    void ordersSnapshotThenCompleteUpdatesThenPing() throws Exception {
        pushOrder("acc-a1", "tv-o1", OrderStatus.WORKING);
        try (LineClient c = LineClient.open(base + "/acc-a1/stream/orders?locale=en", accounts())) {
            JsonNode snapshot = c.next();
            assertTrue(snapshot.isArray());
            assertTrue(snapshot.toString().contains("tv-o1"));
            pushOrder("acc-a1", "tv-o2", OrderStatus.PENDING_NEW);
            JsonNode update = c.next();
            assertTrue(update.isArray());
            assertEquals(1, update.size());
            JsonNode o = update.get(0);
            assertEquals("tv-o2", o.get("id").asText());
            assertEquals("700.HK", o.get("instrument").asText());
            assertEquals("buy", o.get("side").asText());
            assertEquals("limit", o.get("type").asText());
            assertEquals("placing", o.get("status").asText());
            assertEquals(0, o.get("qty").decimalValue().compareTo(BigDecimal.TEN));
            assertEquals(0, o.get("limitPrice").decimalValue().compareTo(BigDecimal.ONE));
            assertFalse(o.has("parentId"));
            JsonNode ping = c.next();
            assertEquals("{\"s\":\"ok\"}", ping.toString());
        }
    }

    @Test
    void positionsSnapshotUpdateAndClosedPosition() throws Exception {
        pushPosition("acc-a2", "5.HK", new BigDecimal("-200"));
        try (LineClient c = LineClient.open(base + "/acc-a2/stream/positions", accounts())) {
            JsonNode snapshot = c.next();
            assertTrue(snapshot.isArray());
            JsonNode p = snapshot.get(0);
            assertEquals("5.HK", p.get("id").asText());
            assertEquals("sell", p.get("side").asText());
            assertEquals(0, p.get("qty").decimalValue().compareTo(new BigDecimal("200")));
            assertTrue(p.has("avgPrice"));
            pushPosition("acc-a2", "5.HK", BigDecimal.ZERO);
            JsonNode closed = c.next();
            assertEquals("[{\"id\":\"5.HK\",\"qty\":0}]", closed.toString());
        }
    }

    @Test
    void stateSendsTheWholeAccountState() throws Exception {
        try (LineClient c = LineClient.open(base + "/acc-a3/stream/state", accounts())) {
            JsonNode first = c.next();
            assertTrue(first.isObject());
            assertTrue(first.has("balance") && first.has("unrealizedPl"));
            events.push(AccountEvent.balances(stamp("acc-a3"), List.of(new Balance("acc-a3", "HKD",
                    new BigDecimal("1000"), null, null, null, null, new BigDecimal("1250"), null,
                    new BigDecimal("250"), Instant.now()))));
            JsonNode state = c.next();
            while (state.has("s")) { // a ping may come first
                state = c.next();
            }
            assertEquals(0, state.get("balance").decimalValue().compareTo(new BigDecimal("1000")));
            assertEquals(0, state.get("unrealizedPl").decimalValue().compareTo(new BigDecimal("250")));
            assertEquals(0, state.get("equity").decimalValue().compareTo(new BigDecimal("1250")));
        }
    }

    @Test
    void netAndIndividualPositionsAreRefusedForABrokerReportingOnePositionPerInstrument() {
        given().auth().oauth2(accounts()).get("/tv/accounts/acc-a1/stream/netPositions").then().statusCode(400)
                .contentType("application/json").body("s", equalTo("error"))
                .body("errmsg", equalTo("net positions are not supported by LongPort, which reports one position per instrument:"
                        + " use stream/positions"));
        given().auth().oauth2(accounts()).get("/tv/accounts/acc-a1/stream/individualPositions").then().statusCode(400)
                .body("s", equalTo("error")).body("errmsg", startsWith("individual positions are not supported by LongPort"));
        // the account check comes first: another tenant's account is not found, whatever the stream
        given().auth().oauth2(accounts()).get("/tv/accounts/acc-b1/stream/netPositions").then().statusCode(404)
                .body("s", equalTo("error"));
    }

    static String accounts() {
        return token("accounts:read").rs256();
    }

    private static EventStamp stamp(String account) {
        return new EventStamp("tenant-a", account, 1, TestStreamEvents.nextSequence(), Instant.now());
    }

    private void pushOrder(String account, String orderId, OrderStatus status) {
        Order o = new Order(orderId, null, account, InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, null,
                BigDecimal.TEN, BigDecimal.ONE, null, null, null, null, status, null, Instant.now(), Instant.now());
        events.push(AccountEvent.order(stamp(account), o));
    }

    private void pushPosition(String account, String symbol, BigDecimal qty) {
        events.push(AccountEvent.position(stamp(account), new Position(account, InstrumentId.parse(symbol), qty, qty.abs(),
                new BigDecimal("40"), null, new BigDecimal("-5"), null, "HKD")));
    }
}

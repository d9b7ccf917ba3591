package io.brokergate.stream.tradingview;

import static io.brokergate.api.security.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Net and individual position streams where the capability map says the broker nets positions. */
@QuarkusTest
@TestProfile(NettingStreamsProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class NettingPositionsRouteTest {

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
    void netPositionsSnapshotUpdateAndClosedPosition() throws Exception {
        push("acc-a1", "700.HK", "300", Instant.now());
        try (LineClient c = LineClient.open(base + "/acc-a1/stream/netPositions?locale=en", accounts())) {
            JsonNode snapshot = c.next();
            assertTrue(snapshot.isArray());
            JsonNode p = snapshot.get(0);
            assertEquals("700.HK", p.path("id").asText());
            assertEquals("700.HK", p.path("instrument").asText());
            assertEquals(0, p.path("qty").decimalValue().compareTo(new BigDecimal("300")));
            assertEquals(0, p.path("longQty").decimalValue().compareTo(new BigDecimal("300")));
            assertEquals(0, p.path("shortQty").decimalValue().signum());
            assertEquals(0, p.path("avgPrice").decimalValue().compareTo(new BigDecimal("40")));

            push("acc-a1", "700.HK", "-100", Instant.now());
            JsonNode flipped = c.nextData().get(0);
            assertEquals("sell", flipped.path("side").asText());
            assertEquals(0, flipped.path("shortQty").decimalValue().compareTo(new BigDecimal("100")));
            assertEquals(0, flipped.path("longQty").decimalValue().signum());

            push("acc-a1", "700.HK", "0", Instant.now());
            assertEquals("[{\"id\":\"700.HK\",\"qty\":0}]", c.nextData().toString());
        }
    }

    @Test
    void individualPositionsCarryPriceAndOpeningTime() throws Exception {
        Instant opened = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        push("acc-a2", "9988.HK", "200", opened);
        push("acc-a2", "9988.HK", "300", Instant.now()); // added to: still the position opened 3 minutes ago
        try (LineClient c = LineClient.open(base + "/acc-a2/stream/individualPositions", accounts())) {
            JsonNode p = c.next().get(0);
            assertEquals("9988.HK", p.path("id").asText());
            assertEquals("buy", p.path("side").asText());
            assertEquals(0, p.path("qty").decimalValue().compareTo(new BigDecimal("300")));
            assertEquals(0, p.path("price").decimalValue().compareTo(new BigDecimal("40")));
            assertEquals(String.valueOf(opened.toEpochMilli()), p.path("date").asText(), "date: ms since the epoch, as a string");
            assertTrue(p.path("date").isTextual());
            push("acc-a2", "9988.HK", "0", Instant.now());
            assertEquals("[{\"id\":\"9988.HK\",\"qty\":0}]", c.nextData().toString());
        }
    }

    @Test
    void aNettingBrokerHasNoPerInstrumentPositionsStream() {
        given().auth().oauth2(accounts()).get("/tv/accounts/acc-a1/stream/positions").then().statusCode(400)
                .body("s", equalTo("error"))
                .body("errmsg", equalTo("positions per instrument are not supported by LongPort (netting), which reports net and"
                        + " individual positions: use stream/netPositions and stream/individualPositions"));
        given().auth().oauth2(accounts()).get("/tv/accounts/acc-b1/stream/netPositions").then().statusCode(404)
                .body("s", equalTo("error")).body("errmsg", equalTo("account not found"));
        given().auth().oauth2(token("quotes:read").rs256()).get("/tv/accounts/acc-a1/stream/netPositions").then().statusCode(403)
                .body("s", equalTo("error"));
    }

    private static String accounts() {
        return token("accounts:read").rs256();
    }

    private void push(String account, String symbol, String qty, Instant at) {
        BigDecimal q = new BigDecimal(qty);
        EventStamp stamp = new EventStamp("tenant-a", account, 1, TestStreamEvents.nextSequence(), at);
        events.push(AccountEvent.position(stamp, new Position(account, InstrumentId.parse(symbol), q, q.abs(),
                new BigDecimal("40"), null, null, null, "HKD")));
    }
}

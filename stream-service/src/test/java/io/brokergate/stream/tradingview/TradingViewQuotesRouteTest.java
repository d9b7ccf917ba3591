package io.brokergate.stream.tradingview;

import static io.brokergate.api.security.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.fanout.FakeUpstreamDemand;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /tv/stream/quotes} against the hub with test events (ping interval 1 s). */
@QuarkusTest
@TestProfile(TradingViewStreamsProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class TradingViewQuotesRouteTest {

    @TestHTTPResource("/tv/stream/quotes")
    URI base;
    @Inject
    TestStreamEvents events;
    @Inject
    FakeUpstreamDemand demand;
    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishSigningKey() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void checksHappenBeforeTheStreamInTheTradingViewEnvelope() {
        String quotes = token("quotes:read").rs256();
        given().get("/tv/stream/quotes?accountId=acc-a1&symbols=700.HK").then().statusCode(401)
                .contentType("application/json").body("s", equalTo("error"));
        given().auth().oauth2("not-a-token").get("/tv/stream/quotes?accountId=acc-a1&symbols=700.HK").then().statusCode(401)
                .body("s", equalTo("error"));
        given().auth().oauth2(token("quotes:read").expiredAgo(Duration.ofMinutes(5)).rs256())
                .get("/tv/stream/quotes?accountId=acc-a1&symbols=700.HK").then().statusCode(401).body("s", equalTo("error"));
        given().auth().oauth2(token("accounts:read").rs256()).get("/tv/stream/quotes?accountId=acc-a1&symbols=700.HK")
                .then().statusCode(403).body("s", equalTo("error"));
        given().auth().oauth2(quotes).get("/tv/stream/quotes?accountId=acc-b1&symbols=700.HK").then().statusCode(404)
                .body("s", equalTo("error")).body("errmsg", equalTo("account not found"));
        given().auth().oauth2(quotes).get("/tv/stream/quotes?symbols=700.HK").then().statusCode(400)
                .body("errmsg", equalTo("accountId is required"));
        given().auth().oauth2(quotes).get("/tv/stream/quotes?accountId=acc-a1").then().statusCode(400)
                .body("errmsg", equalTo("stream quotes needs symbols"));
        given().auth().oauth2(quotes).get("/tv/stream/quotes?accountId=acc-a1&symbols=700.HK,nope").then().statusCode(400)
                .body("s", equalTo("error")).body("errmsg", containsString("TICKER.MARKET"));
        String tooMany = IntStream.range(0, 201).mapToObj(i -> (30000 + i) + ".HK").collect(Collectors.joining(","));
        given().auth().oauth2(quotes).get("/tv/stream/quotes?accountId=acc-a1&symbols=" + tooMany).then().statusCode(400)
                .body("errmsg", equalTo("at most 200 symbols per quotes stream, got 201"));
    }

    @Test
    void snapshotFirstThenOnlyChangedQuotesThenPing() throws Exception {
        InstrumentId tencent = InstrumentId.parse("700.HK");
        InstrumentId apple = InstrumentId.parse("AAPL.US");
        push(quote(tencent, "640.5"));
        push(depth(tencent, "640.0", "641.0"));
        try (LineClient c = LineClient.open(base + "?locale=en&accountId=acc-a1&symbols=700.HK,AAPL.US", quotes())) {
            JsonNode snapshot = c.next();
            assertEquals("[{\"s\":\"ok\",\"n\":\"700.HK\",\"v\":{\"ask\":641.0,\"bid\":640.0,\"halted\":false}}]", snapshot.toString(),
                    "only symbols with a bid and an ask: AAPL.US has no data yet");

            push(depth(apple, "190.10", "190.20"));
            JsonNode appleQuote = c.nextData();
            assertEquals(1, appleQuote.size());
            assertEquals("AAPL.US", appleQuote.get(0).path("n").asText());
            assertEquals("ok", appleQuote.get(0).path("s").asText());
            assertEquals(0, appleQuote.get(0).path("v").path("ask").decimalValue().compareTo(new BigDecimal("190.20")));
            assertEquals(0, appleQuote.get(0).path("v").path("bid").decimalValue().compareTo(new BigDecimal("190.10")));

            push(quote(tencent, "640.6")); // last moved, bid and ask did not: nothing changed for TradingView
            push(depth(tencent, "640.5", "641.0"));
            JsonNode update = c.nextData();
            assertEquals(1, update.size());
            assertEquals("700.HK", update.get(0).path("n").asText());
            assertEquals(0, update.get(0).path("v").path("bid").decimalValue().compareTo(new BigDecimal("640.5")));

            assertEquals("{\"s\":\"ok\"}", c.next(5).toString(), "a ping after 1 s of silence");
            assertEquals(1, demand.held("acc-a1", tencent, SubscriptionKind.DEPTH), "bid and ask come from the book");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> demand.held("acc-a1", tencent, SubscriptionKind.QUOTE) == 0
                && demand.held("acc-a1", apple, SubscriptionKind.DEPTH) == 0);
    }

    @Test
    void theSnapshotWaitsForTheFirstQuotesOfFreshSubscriptions() throws Exception {
        InstrumentId alibaba = InstrumentId.parse("9988.HK");
        InstrumentId xiaomi = InstrumentId.parse("1810.HK");
        try (LineClient c = LineClient.open(base + "?accountId=acc-a3&symbols=9988.HK,1810.HK", quotes())) {
            // nothing cached yet: the broker's first pushes follow the subscriptions
            push(depth(alibaba, "158.1", "158.2"), "acc-a3");
            push(depth(xiaomi, "42.5", "42.55"), "acc-a3");
            JsonNode snapshot = c.next();
            assertEquals(2, snapshot.size(), "one first message with both symbols: " + snapshot);
            assertEquals("9988.HK", snapshot.get(0).path("n").asText());
            assertEquals("1810.HK", snapshot.get(1).path("n").asText());
        }
    }

    @Test
    void aSymbolTheBrokerRefusesIsAnErrorLineAndTheOthersKeepStreaming() throws Exception {
        InstrumentId hsbc = InstrumentId.parse("5.HK");
        try (LineClient c = LineClient.open(base + "?accountId=acc-a2&symbols=CAP.US,5.HK", quotes())) {
            JsonNode error = c.next();
            assertEquals("error", error.path("s").asText());
            assertTrue(error.path("errmsg").asText().startsWith("CAP.US: "), error.toString());
            assertTrue(error.path("errmsg").asText().contains("500"), error.toString());
            push(new Depth(hsbc, List.of(new DepthLevel(new BigDecimal("105.1"), BigDecimal.TEN, 1)),
                    List.of(new DepthLevel(new BigDecimal("105.2"), BigDecimal.TEN, 1)), Instant.now()), "acc-a2");
            JsonNode quote = c.nextData();
            assertEquals("5.HK", quote.get(0).path("n").asText(), "one error line for CAP.US (quotes and depth), then data");
        }
    }

    private static String quotes() {
        return token("quotes:read").rs256();
    }

    private void push(Object payload) {
        push(payload, "acc-a1");
    }

    private void push(Object payload, String account) {
        EventStamp stamp = new EventStamp("tenant-a", account, 1, TestStreamEvents.nextSequence(), Instant.now());
        events.push(payload instanceof Quote q ? MarketDataEvent.quote(stamp, q) : MarketDataEvent.depth(stamp, (Depth) payload));
    }

    private static Quote quote(InstrumentId id, String last) {
        return new Quote(id, new BigDecimal(last), null, null, null, null, null, null, null, null, 0, null, null, Instant.now());
    }

    private static Depth depth(InstrumentId id, String bid, String ask) {
        return new Depth(id, List.of(new DepthLevel(new BigDecimal(bid), BigDecimal.ONE, 1)),
                List.of(new DepthLevel(new BigDecimal(ask), BigDecimal.ONE, 1)), Instant.now());
    }
}

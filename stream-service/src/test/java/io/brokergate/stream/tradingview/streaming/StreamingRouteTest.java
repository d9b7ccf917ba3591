package io.brokergate.stream.tradingview.streaming;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
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
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.fanout.FakeUpstreamDemand;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.brokergate.stream.tradingview.LineClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /tv/streaming} against the hub with test events and a fake broker (heartbeat every 1 s). */
@QuarkusTest
@TestProfile(StreamingProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class StreamingRouteTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    @TestHTTPResource("/tv/streaming")
    URI uri;
    @Inject
    TestStreamEvents events;
    @Inject
    FakeUpstreamDemand demand;
    @Inject
    DataFeeds feeds;
    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishSigningKey() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void onlyAServerTokenWithQuotesReadOfATenantWithAStreamableAccountGetsTheStream() {
        given().get("/tv/streaming").then().statusCode(401).contentType("application/json").body("s", equalTo("error"));
        given().auth().oauth2(ServerTokens.token("tenant-a", "web", "quotes:read", "USER")).get("/tv/streaming").then()
                .statusCode(403).body("s", equalTo("error")).body("errmsg", startsWith("/streaming is for TradingView's servers"));
        given().auth().oauth2(ServerTokens.server("tenant-a", "tv", "accounts:read")).get("/tv/streaming").then()
                .statusCode(403).body("errmsg", equalTo("/streaming needs scope quotes:read"));
        given().auth().oauth2(ServerTokens.server("tenant-c", "tv", "quotes:read")).get("/tv/streaming").then()
                .statusCode(404).body("s", equalTo("error")).body("errmsg", startsWith("no account of this client streams"));
        // a grant naming another tenant's account gives nothing of it
        given().auth().oauth2(ServerTokens.server("tenant-a", "tv", "quotes:read", "acc-b1")).get("/tv/streaming").then()
                .statusCode(404).body("s", equalTo("error"));
    }

    @Test
    void fourConnectionsCarryIdenticalDataOneUpstreamSubscriptionAndAFifthIsRefused() throws Exception {
        String token = ServerTokens.server("tenant-a", "tradingview-prod", "quotes:read");
        List<LineClient> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                connections.add(LineClient.open(uri.toString(), token));
            }
            given().auth().oauth2(token).get("/tv/streaming").then().statusCode(429).body("s", equalTo("error"))
                    .body("errmsg", startsWith("at most 4 simultaneous /streaming connections per client"));
            assertEquals(4, feeds.connections("acc-a1"), "the tenant's first account is the feed");
            assertEquals(1, demand.held("acc-a1", TENCENT, SubscriptionKind.QUOTE), "one feed, one subscription");
            assertEquals(1, demand.held("acc-a1", TENCENT, SubscriptionKind.DEPTH));
            assertEquals(1, demand.held("acc-a1", TENCENT, SubscriptionKind.TRADES));

            Instant at = Instant.parse("2026-11-20T02:30:00Z"); // 10:30 in Hong Kong: trading day 2026-11-20
            push(MarketDataEvent.quote(stamp(), new Quote(TENCENT, new BigDecimal("641.5"), new BigDecimal("640"),
                    new BigDecimal("645"), new BigDecimal("638"), new BigDecimal("639"), null, null, null, null, 1_200_000,
                    null, null, at)));
            push(MarketDataEvent.depth(stamp(), new Depth(TENCENT, List.of(new DepthLevel(new BigDecimal("641.0"), new BigDecimal("500"), 3)),
                    List.of(new DepthLevel(new BigDecimal("641.5"), new BigDecimal("300"), 2)), at.plusSeconds(1))));
            push(MarketDataEvent.trades(stamp(), TENCENT, List.of(new TradeTick(TENCENT, new BigDecimal("641.5"),
                    new BigDecimal("200"), at.plusSeconds(2), TradeTick.Aggressor.BUYER, null))));

            List<List<String>> seen = new ArrayList<>();
            for (LineClient c : connections) {
                seen.add(dataLines(c, 3));
            }
            for (List<String> other : seen) {
                assertEquals(seen.get(0), other, "identical data on every connection");
            }
            List<String> lines = seen.get(0);
            assertEquals("{\"f\":\"d\",\"id\":\"700.HK\",\"o\":640,\"h\":645,\"l\":638,\"c\":641.5,\"v\":1200000,\"t\":"
                    + Instant.parse("2026-11-20T00:00:00Z").getEpochSecond() + "}", lines.get(0), "daily bar at 00:00 UTC of the trading day");
            assertEquals("{\"f\":\"q\",\"id\":\"700.HK\",\"t\":" + (at.getEpochSecond() + 1)
                    + ",\"ap\":641.5,\"as\":300,\"bp\":641,\"bs\":500}", lines.get(1));
            assertEquals("{\"f\":\"t\",\"id\":\"700.HK\",\"p\":641.5,\"s\":200,\"t\":" + (at.getEpochSecond() + 2) + "}", lines.get(2));

            JsonNode beat = heartbeat(connections.get(0));
            assertTrue(Math.abs(beat.path("heartbeat").asLong() - Instant.now().getEpochSecond()) <= 2, beat.toString());

            connections.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> feeds.connections("acc-a1") == 3);
            connections.add(LineClient.open(uri.toString(), token)); // the slot is free again
            try (LineClient fifth = LineClient.connect(uri.toString(), token)) { // returns at the headers, even for a stream
                assertEquals(429, fifth.status(), "the closed connection was counted out exactly once");
            }
        } finally {
            connections.forEach(LineClient::close);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> feeds.connections("acc-a1") == 0
                && demand.held("acc-a1", TENCENT, SubscriptionKind.QUOTE) == 0);
    }

    @Test
    void eachTenantStreamsOnlyWhatItsOwnAccountDelivers() throws Exception {
        InstrumentId apple = InstrumentId.parse("AAPL.US");
        try (LineClient b = LineClient.open(uri.toString(), ServerTokens.server("tenant-b", "tv", "quotes:read"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> feeds.connections("acc-b1") == 1);
            Instant at = Instant.now();
            push(MarketDataEvent.depth(new EventStamp("tenant-a", "acc-a1", 1, TestStreamEvents.nextSequence(), at), new Depth(apple,
                    List.of(new DepthLevel(BigDecimal.ONE, BigDecimal.ONE, 1)), List.of(new DepthLevel(BigDecimal.TEN, BigDecimal.ONE, 1)), at)));
            push(MarketDataEvent.depth(new EventStamp("tenant-b", "acc-b1", 1, TestStreamEvents.nextSequence(), at), new Depth(apple,
                    List.of(new DepthLevel(new BigDecimal("190.1"), BigDecimal.ONE, 1)),
                    List.of(new DepthLevel(new BigDecimal("190.2"), BigDecimal.ONE, 1)), at)));
            String line = dataLines(b, 1).get(0);
            assertTrue(line.contains("\"bp\":190.1"), "tenant-b sees its own account's quote, never tenant-a's: " + line);
        }
    }

    private void push(MarketDataEvent e) {
        events.push(e);
    }

    private static EventStamp stamp() {
        return new EventStamp("tenant-a", "acc-a1", 1, TestStreamEvents.nextSequence(), Instant.now());
    }

    /** The next {@code n} lines that are not heartbeats; each must be one JSON object. */
    private static List<String> dataLines(LineClient c, int n) throws Exception {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String line = c.rawLine(10_000);
            if (line == null) {
                throw new AssertionError("no line within 10 s, got " + out);
            }
            JsonNode node = LineClient.parse(line);
            if (!node.has("heartbeat")) {
                out.add(line);
            }
        }
        return out;
    }

    private static JsonNode heartbeat(LineClient c) throws Exception {
        for (int i = 0; i < 10; i++) {
            JsonNode n = LineClient.parse(c.rawLine(5_000));
            if (n.has("heartbeat")) {
                assertEquals(1, n.size());
                return n;
            }
        }
        throw new AssertionError("no heartbeat");
    }
}

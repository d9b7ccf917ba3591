package io.brokergate.stream.websocket;

import static io.brokergate.api.security.testing.TestTokens.token;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.stream.fanout.FakeUpstreamDemand;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.quarkus.test.common.WithTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.brokergate.stream.fanout.FanoutTestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FanoutTestProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class StreamSocketTest {

    @TestHTTPResource("/v1/stream")
    URI uri;
    @Inject
    TestStreamEvents events;
    @Inject
    FakeUpstreamDemand demand;
    @Inject
    FanoutHub hub;
    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    Vertx vertx;

    @BeforeEach
    void publishSigningKey() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    private URI ws() {
        return URI.create(uri.toString().replaceFirst("^http", "ws"));
    }

    private static String both() {
        return token("quotes:read accounts:read").rs256();
    }

    @Test
    void headerAuthSubscribeGivesSnapshotThenEventsInOrder() throws Exception {
        long before = pushOrder("acc-a1", "o-1");
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.send("{\"op\":\"subscribe\",\"id\":\"s1\",\"stream\":\"orders\",\"account\":\"acc-a1\"}");
            JsonNode sub = c.next("subscribed");
            assertEquals("s1", sub.path("ref").asText());
            assertEquals(before, sub.path("sequence").asLong());
            assertTrue(sub.path("snapshot").toString().contains("o-1"));
            long s1 = pushOrder("acc-a1", "o-2");
            long s2 = pushOrder("acc-a1", "o-3");
            assertEquals(s1, c.next("event").path("sequence").asLong());
            JsonNode e2 = c.next("event");
            assertEquals(s2, e2.path("sequence").asLong());
            assertEquals("orders", e2.path("stream").asText());
            assertEquals("o-3", e2.path("payload").path("orderId").asText());
        }
    }

    @Test
    void firstMessageAuth() throws Exception {
        try (TestSocketClient c = TestSocketClient.connect(ws(), null)) {
            c.send("{\"op\":\"subscribe\",\"stream\":\"orders\",\"account\":\"acc-a1\"}");
            assertEquals("unauthenticated", c.next("error").path("code").asText());
            c.send("{\"op\":\"auth\",\"token\":\"" + both() + "\"}");
            assertEquals("tenant-a", c.next("authenticated").path("tenant").asText());
        }
    }

    @Test
    void expiredTokenIsRejectedWithAReason() {
        String expired = token("accounts:read").expiredAgo(Duration.ofMinutes(10)).rs256();
        CompletionException upgrade = assertThrows(CompletionException.class, () -> TestSocketClient.connect(ws(), expired));
        assertTrue(String.valueOf(upgrade.getCause().getCause()).contains("401"), String.valueOf(upgrade.getCause()));
        TestSocketClient c = TestSocketClient.connect(ws(), null);
        c.send("{\"op\":\"auth\",\"token\":\"" + expired + "\"}");
        String close = c.awaitClose();
        assertTrue(close.startsWith("1008 authentication failed"), close);
    }

    @Test
    void foreignAccountIsNotFoundAndBadMessagesGetErrorsOnAHealthyConnection() throws Exception {
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.send("{\"op\":\"subscribe\",\"id\":\"x\",\"stream\":\"orders\",\"account\":\"acc-b1\"}");
            JsonNode nf = c.next("error");
            assertEquals("not_found", nf.path("code").asText());
            assertEquals("x", nf.path("ref").asText());
            c.send("{not json");
            assertEquals("malformed", c.next("error").path("code").asText());
            c.send("{\"op\":\"teleport\"}");
            assertEquals("unknown_op", c.next("error").path("code").asText());
            c.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals("message_too_large", c.next("error").path("code").asText());
            c.send("{\"op\":\"subscribe\",\"stream\":\"quotes\",\"account\":\"acc-a1\",\"symbols\":[\"nope\"]}");
            assertEquals("invalid_request", c.next("error").path("code").asText());
            c.send("{\"op\":\"ping\",\"id\":\"p\"}");
            assertEquals("p", c.next("pong").path("ref").asText());
        }
    }

    @Test
    void aPlainGetIsToldToUpgradeAndBinaryMessagesAreRefusedOnAHealthyConnection() throws Exception {
        io.restassured.RestAssured.given().auth().oauth2(both()).get("/v1/stream").then().statusCode(400)
                .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("invalid_request"));
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.sendBinary(new byte[] {1, 2, 3});
            assertEquals("malformed", c.next("error").path("code").asText());
            c.send("{\"op\":\"ping\",\"id\":\"still-up\"}");
            assertEquals("still-up", c.next("pong").path("ref").asText());
        }
    }

    @Test
    void floodOfGarbageClosesWithAReason() {
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            for (int i = 0; i < 30 && !c.closed.isDone(); i++) {
                c.send("garbage " + i);
            }
            assertEquals("1008 too many invalid messages", c.awaitClose());
        }
    }

    @Test
    void resumeInsideTheWindowReplaysExactlyTheMissedEvents() throws Exception {
        long first = pushOrder("acc-a2", "r-1");
        long second = pushOrder("acc-a2", "r-2");
        long third = pushOrder("acc-a2", "r-3");
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.send("{\"op\":\"resume\",\"id\":\"r\",\"account\":\"acc-a2\",\"streams\":[\"orders\"],\"from_sequence\":" + second + "}");
            assertEquals(2, c.next("resumed").path("replayed").asInt());
            assertEquals(second, c.next("event").path("sequence").asLong());
            assertEquals(third, c.next("event").path("sequence").asLong());
            long live = pushOrder("acc-a2", "r-4");
            assertEquals(live, c.next("event").path("sequence").asLong());
            assertTrue(first < second);
        }
    }

    @Test
    void resumeOutsideTheWindowGivesResyncThenSnapshot() throws Exception {
        pushOrder("acc-a2", "w-1");
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.send("{\"op\":\"resume\",\"account\":\"acc-a2\",\"streams\":[\"orders\"],\"from_sequence\":1}");
            c.next("resync");
            JsonNode snap = c.next("subscribed");
            assertTrue(snap.path("snapshot").toString().contains("w-1"));
        }
    }

    @Test
    void hundredClientsOnOneSymbolHoldOneUpstreamSubscriptionAndReleaseExactlyOnce() throws Exception {
        InstrumentId aapl = InstrumentId.parse("AAPL.US");
        List<TestSocketClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                TestSocketClient c = TestSocketClient.connect(ws(), both());
                clients.add(c);
                c.send("{\"op\":\"subscribe\",\"stream\":\"quotes\",\"account\":\"acc-a1\",\"symbols\":[\"AAPL.US\"]}");
            }
            for (TestSocketClient c : clients) {
                c.next("authenticated");
                c.next("subscribed");
            }
            assertEquals(100, demand.held("acc-a1", aapl, SubscriptionKind.QUOTE));
            assertEquals(1, demand.netUpstreamSubscriptions());
            events.push(MarketDataEvent.quote(stamp("acc-a1", TestStreamEvents.nextSequence()), quote(aapl, "190.5")));
            for (TestSocketClient c : clients) {
                assertEquals("190.5", c.next("event").path("payload").path("last").asText());
            }
            clients.get(0).send("{\"op\":\"unsubscribe\",\"stream\":\"quotes\",\"account\":\"acc-a1\",\"symbols\":[\"AAPL.US\"]}");
            clients.get(0).next("unsubscribed");
            assertEquals(99, demand.held("acc-a1", aapl, SubscriptionKind.QUOTE));
        } finally {
            clients.forEach(TestSocketClient::close);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> demand.held("acc-a1", aapl, SubscriptionKind.QUOTE) == 0);
        assertEquals(0, demand.netUpstreamSubscriptions());
    }

    @Test
    void upstreamConnectionChangesReachMarketDataSubscribersAsStatus() throws Exception {
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.send("{\"op\":\"subscribe\",\"stream\":\"depth\",\"account\":\"acc-a3\",\"symbols\":[\"700.HK\"]}");
            c.next("subscribed");
            events.push(AccountEvent.connection(stamp("acc-a3", TestStreamEvents.nextSequence()), "reconnecting", "socket dropped"));
            JsonNode status = c.next("status");
            assertEquals("reconnecting", status.path("state").asText());
            assertEquals("acc-a3", status.path("account").asText());
        }
    }

    @Test
    void symbolCapErrorReachesTheClient() throws Exception {
        try (TestSocketClient c = TestSocketClient.connect(ws(), both())) {
            c.next("authenticated");
            c.send("{\"op\":\"subscribe\",\"id\":\"cap\",\"stream\":\"quotes\",\"account\":\"acc-a1\",\"symbols\":[\"CAP.US\"]}");
            JsonNode e = c.next("error");
            assertEquals("invalid_request", e.path("code").asText());
            assertTrue(e.path("message").asText().contains("500"));
        }
    }

    /**
     * A day's order snapshot is one message of hundreds of KB: it must arrive in frames a client
     * with the common 64 KiB frame limit (Vert.x's and Netty's default) accepts.
     */
    @Test
    void aLargeSnapshotArrivesInFramesOfAtMost64KiB() throws Exception {
        String padding = "é".repeat(4_000); // two bytes of UTF-8 each
        for (int i = 0; i < 40; i++) {
            pushOrder("acc-a3", "big-" + i, padding);
        }
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(4 << 20));
        try {
            List<Integer> frameBytes = new CopyOnWriteArrayList<>();
            StringBuilder message = new StringBuilder();
            CompletableFuture<String> whole = new CompletableFuture<>();
            WebSocket ws = client.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                    .setURI("/v1/stream").addHeader("Authorization", "Bearer " + both())).toCompletionStage().toCompletableFuture().join();
            ws.closeHandler(v -> whole.completeExceptionally(new AssertionError("closed: " + ws.closeStatusCode() + " " + ws.closeReason())));
            ws.exceptionHandler(whole::completeExceptionally);
            ws.frameHandler(frame -> {
                frameBytes.add(frame.binaryData().length());
                message.append(frame.binaryData().toString(StandardCharsets.UTF_8));
                if (frame.isFinal()) {
                    String text = message.toString();
                    message.setLength(0);
                    if (text.contains("\"subscribed\"")) {
                        whole.complete(text);
                    }
                }
            });
            ws.writeTextMessage("{\"op\":\"subscribe\",\"stream\":\"orders\",\"account\":\"acc-a3\"}");
            JsonNode subscribed = new ObjectMapper().readTree(whole.get(10, TimeUnit.SECONDS));
            int big = 0;
            for (JsonNode o : subscribed.path("snapshot")) {
                if (o.path("orderId").asText().startsWith("big-")) {
                    assertEquals(padding, o.path("message").asText());
                    big++;
                }
            }
            assertEquals(40, big);
            assertTrue(frameBytes.size() > 5, "fragmented: " + frameBytes);
            assertTrue(frameBytes.stream().allMatch(n -> n <= 65_536), "frames: " + frameBytes);
        } finally {
            client.close();
        }
    }

    @Test
    void shutdownTellsClientsToReconnect() throws Exception {
        TestSocketClient c = TestSocketClient.connect(ws(), both());
        c.next("authenticated");
        hub.closeEveryClient("server shutting down; reconnect and resume");
        JsonNode closing = c.next("closing");
        assertTrue(closing.path("reconnect").asBoolean());
        assertTrue(c.awaitClose().startsWith("1013"));
    }

    private long pushOrder(String account, String orderId) {
        return pushOrder(account, orderId, null);
    }

    private long pushOrder(String account, String orderId, String message) {
        long seq = TestStreamEvents.nextSequence();
        InstrumentId id = InstrumentId.parse("700.HK");
        Order o = new Order(orderId, null, account, id, Side.BUY, OrderType.values()[1], null, BigDecimal.TEN,
                BigDecimal.ONE, null, null, null, null, OrderStatus.WORKING, message, Instant.now(), Instant.now());
        events.push(AccountEvent.order(stamp(account, seq), o));
        return seq;
    }

    private static EventStamp stamp(String account, long seq) {
        return new EventStamp("tenant-a", account, 1, seq, Instant.now());
    }

    private static Quote quote(InstrumentId id, String last) {
        return new Quote(id, new BigDecimal(last), null, null, null, null, null, null, null, null, 0, null, null, Instant.now());
    }
}

package io.brokergate.stream.sse;

import static io.brokergate.api.security.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.brokergate.stream.fanout.FanoutTestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FanoutTestProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class EventsRouteTest {

    

    @TestHTTPResource("/v1/events")
    URI uri;
    @Inject
    TestStreamEvents events;
    @Inject
    FanoutHub hub;
    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishSigningKey() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void checksHappenBeforeTheStreamAsProblems() {
        given().get("/v1/events?account=acc-a1&streams=orders").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token("quotes:read").rs256()).get("/v1/events?account=acc-a1&streams=orders")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().auth().oauth2(token("accounts:read").rs256()).get("/v1/events?account=acc-b1&streams=orders")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found"));
        given().auth().oauth2(token("accounts:read").rs256()).get("/v1/events?account=acc-a1&streams=bogus")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void lastEventIdResumesWithExactlyTheMissedEvents() throws Exception {
        String bearer = token("accounts:read").rs256();
        String lastId;
        try (SseClient first = SseClient.open(uri + "?account=acc-a2&streams=orders", bearer, null)) {
            assertEquals("subscribed", first.next().event());
            pushOrder("acc-a2", "s-1");
            SseEvent e1 = first.next();
            assertEquals("event", e1.event());
            lastId = e1.id();
        }
        long missed1 = pushOrder("acc-a2", "s-2");
        long missed2 = pushOrder("acc-a2", "s-3");
        try (SseClient again = SseClient.open(uri + "?account=acc-a2&streams=orders", bearer, lastId)) {
            assertEquals("resumed", again.next().event());
            assertEquals("1-" + missed1, again.next().id());
            assertEquals("1-" + missed2, again.next().id());
        }
        try (SseClient stale = SseClient.open(uri + "?account=acc-a2&streams=orders", bearer, "1-1")) {
            assertEquals("resync", stale.next().event());
            SseEvent snapshot = stale.next();
            assertEquals("subscribed", snapshot.event());
            assertTrue(snapshot.data().contains("s-3"));
        }
    }

    @Test
    void shutdownSendsClosing() throws Exception {
        try (SseClient c = SseClient.open(uri + "?account=acc-a1&streams=account", token("accounts:read").rs256(), null)) {
            assertEquals("subscribed", c.next().event());
            hub.closeEveryClient("server shutting down; reconnect and resume");
            assertEquals("closing", c.next().event());
        }
    }

    private long pushOrder(String account, String orderId) {
        long seq = TestStreamEvents.nextSequence();
        InstrumentId id = InstrumentId.parse("700.HK");
        Order o = new Order(orderId, null, account, id, Side.BUY, OrderType.values()[1], null, BigDecimal.TEN,
                BigDecimal.ONE, null, null, null, null, OrderStatus.WORKING, null, Instant.now(), Instant.now());
        events.push(AccountEvent.order(new EventStamp("tenant-a", account, 1, seq, Instant.now()), o));
        return seq;
    }

    record SseEvent(String id, String event, String data) {
    }

    /** Test-only SSE reader: one thread turns the line stream into events. */
    static final class SseClient implements AutoCloseable {
        final LinkedBlockingQueue<SseEvent> received = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        private SseClient(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static SseClient open(String url, String bearer, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            return new SseClient(r.body());
        }

        SseEvent next() throws InterruptedException {
            SseEvent e = received.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within 10 s");
            }
            return e;
        }

        private void read() {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (event != null) {
                            received.add(new SseEvent(id, event, data.toString()));
                        }
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}

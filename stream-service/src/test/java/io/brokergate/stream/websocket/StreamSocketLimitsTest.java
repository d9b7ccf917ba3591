package io.brokergate.stream.websocket;

import static io.brokergate.api.security.testing.TestTokens.token;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.brokergate.stream.fanout.TestStreamEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets against small limits: auth timeout, heartbeats, a client that stops reading. */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class StreamSocketLimitsTest {

    private static final InstrumentId MSFT = InstrumentId.parse("MSFT.US");
    private static final String PADDING = "x".repeat(8_000);

    @TestHTTPResource("/v1/stream")
    URI uri;
    @Inject
    TestStreamEvents events;
    @Inject
    MeterRegistry meters;
    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishSigningKey() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    private URI ws() {
        return URI.create(uri.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void clientThatNeverAuthenticatesIsClosedWithAReason() {
        TestSocketClient c = TestSocketClient.connect(ws(), null);
        String close = c.awaitClose();
        assertTrue(close.startsWith("1008 authentication required"), close);
    }

    @Test
    void heartbeatsArrive() throws Exception {
        try (TestSocketClient c = TestSocketClient.connect(ws(), token("quotes:read").rs256())) {
            c.next("authenticated");
            assertTrue(c.next("heartbeat").hasNonNull("time"));
        }
    }

    @Test
    void stalledClientIsConflatedThenDisconnectedWhileTheReaderGetsEverything() throws Exception {
        String bearer = token("quotes:read accounts:read").rs256();
        try (RawSocketClient stalled = new RawSocketClient(ws(), bearer);
             TestSocketClient reader = TestSocketClient.connect(ws(), bearer)) {
            stalled.sendText("{\"op\":\"subscribe\",\"stream\":\"quotes\",\"account\":\"acc-a2\",\"symbols\":[\"MSFT.US\"]}");
            stalled.sendText("{\"op\":\"subscribe\",\"stream\":\"orders\",\"account\":\"acc-a2\"}");
            reader.next("authenticated");
            reader.send("{\"op\":\"subscribe\",\"stream\":\"quotes\",\"account\":\"acc-a2\",\"symbols\":[\"MSFT.US\"]}");
            reader.next("subscribed");
            reader.send("{\"op\":\"subscribe\",\"stream\":\"orders\",\"account\":\"acc-a2\"}");
            reader.next("subscribed");
            double conflatedBefore = meters.counter("brokergate.stream.conflated").count();

            long seq = 0;
            // Orders in steps the reader keeps up with; the stalled client's buffers fill and its backlog passes 50.
            for (int batch = 0; batch < 200 && slowDisconnects() < 1; batch++) {
                for (int i = 0; i < 20; i++) {
                    seq++;
                    events.push(AccountEvent.order(stamp(seq), order(seq)));
                    events.push(MarketDataEvent.quote(stamp(seq), quote(seq)));
                }
                long expected = seq;
                await().atMost(Duration.ofSeconds(10)).until(() -> drainUntilOrder(reader, expected));
            }
            assertEquals(1.0, slowDisconnects(), "the stalled client was disconnected as too slow");
            assertTrue(meters.counter("brokergate.stream.conflated").count() > conflatedBefore, "its quotes were conflated first");
        }
    }

    private long lastOrder;

    /** Reads the reader's messages up to the order with the given sequence; every order arrives in order. */
    private boolean drainUntilOrder(TestSocketClient reader, long sequence) throws InterruptedException {
        JsonNode m;
        while ((m = reader.received.poll(50, TimeUnit.MILLISECONDS)) != null) {
            if (m.path("stream").asText().equals("orders") && m.path("type").asText().equals("event")) {
                long s = m.path("sequence").asLong();
                assertEquals(lastOrder + 1, s, "orders arrive gap-free");
                lastOrder = s;
                if (s == sequence) {
                    return true;
                }
            }
        }
        return lastOrder >= sequence;
    }

    private double slowDisconnects() {
        return meters.counter("brokergate.stream.disconnects", "reason", "slow").count();
    }

    private static EventStamp stamp(long seq) {
        return new EventStamp("tenant-a", "acc-a2", 7, seq, Instant.now());
    }

    private static Quote quote(long i) {
        return new Quote(MSFT, BigDecimal.valueOf(i), null, null, null, null, null, null, null, null, i, null, null, Instant.now());
    }

    private static Order order(long i) {
        return new Order("o-" + i, null, "acc-a2", MSFT, Side.BUY, OrderType.values()[1], null, BigDecimal.ONE,
                BigDecimal.ONE, null, null, null, null, OrderStatus.WORKING, PADDING, Instant.now(), Instant.now());
    }
}

package io.brokergate.stream.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.stream.fanout.FanoutHubBackpressureTest.RecordingTransport;
import io.brokergate.stream.fanout.ServerMessages.Event;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames carry the typed message and are serialized at most once, only when a JSON client needs them. */
class FrameSharingTest {

    private static final InstrumentId AAPL = InstrumentId.parse("AAPL.US");

    private final AtomicInteger serialized = new AtomicInteger();
    private final ObjectMapper counting = new ObjectMapper() {
        @Override
        public String writeValueAsString(Object value) throws JsonProcessingException {
            serialized.incrementAndGet();
            return super.writeValueAsString(value);
        }
    }.findAndRegisterModules();
    private final Vertx vertx = Vertx.vertx();
    private final FanoutHub hub = new FanoutHub(new TestStreamEvents(), new FakeUpstreamDemand(), new FrameWriter(counting),
            FanoutHubBackpressureTest.settings(), vertx, new SimpleMeterRegistry());

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void typedClientsReadTheCoreRecordsAndCostNoSerialization() {
        TypedTransport typed = new TypedTransport();
        hub.subscribe(hub.open(caller(), typed), "t", StreamKind.QUOTES, "acc-a1", List.of(AAPL));
        for (int i = 1; i <= 100; i++) {
            hub.onMarketData(MarketDataEvent.quote(stamp(), quote(i)));
        }
        assertEquals(101, typed.frames.get(), "subscribed + every quote");
        assertEquals(new BigDecimal("100"), typed.lastQuote.last(), "the quote itself, not JSON to parse again");
        assertEquals(0, serialized.get(), "no JSON client, no JSON");
    }

    @Test
    void jsonClientsShareOneSerializationPerFrame() {
        RecordingTransport a = new RecordingTransport(true);
        RecordingTransport b = new RecordingTransport(true);
        hub.subscribe(hub.open(caller(), a), "a", StreamKind.QUOTES, "acc-a1", List.of(AAPL));
        hub.subscribe(hub.open(caller(), b), "b", StreamKind.QUOTES, "acc-a1", List.of(AAPL));
        hub.subscribe(hub.open(caller(), new TypedTransport()), "t", StreamKind.QUOTES, "acc-a1", List.of(AAPL));
        int before = serialized.get();
        for (int i = 1; i <= 10; i++) {
            hub.onMarketData(MarketDataEvent.quote(stamp(), quote(i)));
        }
        for (int i = 0; i < 10; i++) {
            Frame fa = a.sent.get(a.sent.size() - 10 + i);
            Frame fb = b.sent.get(b.sent.size() - 10 + i);
            assertSame(fa, fb, "one frame object for every client");
            assertEquals(fa.json(), fb.json());
            assertTrue(fa.json().contains("\"sequence\":" + (i + 1)));
        }
        assertEquals(10, serialized.get() - before, "ten events, ten serializations, whatever the number of clients");
    }

    private static Caller caller() {
        return new Caller("user-1", "tenant-a", Set.of("quotes:read"), AccountGrant.ALL, CredentialKind.USER, null, null);
    }

    private static EventStamp stamp() {
        return new EventStamp("tenant-a", "acc-a1", 1, TestStreamEvents.nextSequence(), Instant.now());
    }

    private static Quote quote(int i) {
        return new Quote(AAPL, BigDecimal.valueOf(i), null, null, null, null, null, null, null, null, i, null, null, Instant.now());
    }

    /** Reads {@link Frame#message()} only, like the TradingView transports. */
    static final class TypedTransport implements ClientTransport {
        final AtomicInteger frames = new AtomicInteger();
        volatile Quote lastQuote;

        @Override
        public void send(Frame frame, Sent done) {
            frames.incrementAndGet();
            if (frame.message() instanceof Event e && e.payload() instanceof Quote q) {
                lastQuote = q;
            }
            done.sent(null);
        }

        @Override
        public void close(String reason) {
        }

        @Override
        public String protocol() {
            return "typed";
        }
    }
}

package io.brokergate.stream.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub with in-memory transports: one client reads everything at once, the other never reads. */
class FanoutHubBackpressureTest {

    private static final InstrumentId AAPL = InstrumentId.parse("AAPL.US");

    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FanoutHub hub = new FanoutHub(new TestStreamEvents(), new FakeUpstreamDemand(),
            new FrameWriter(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)),
            settings(), vertx, meters);

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void slowClientGetsConflatedQuotesAndDoesNotDelayTheFastOne() {
        RecordingTransport fast = new RecordingTransport(true);
        RecordingTransport slow = new RecordingTransport(false);
        ClientSession f = hub.open(caller(), fast);
        ClientSession s = hub.open(caller(), slow);
        hub.subscribe(f, "a", StreamKind.QUOTES, "acc-a1", List.of(AAPL));
        hub.subscribe(s, "b", StreamKind.QUOTES, "acc-a1", List.of(AAPL));

        for (int i = 1; i <= 1000; i++) {
            hub.onMarketData(MarketDataEvent.quote(stamp(i), quote(i)));
        }

        assertEquals(1001, fast.sent.size(), "subscribed + every quote");
        assertTrue(fast.sent.get(1000).json().contains("\"sequence\":1000"));
        assertEquals(4, slow.sent.size(), "the send window only: subscribed + 3 quotes");
        assertEquals(1, s.outbox().depth(), "one latest-wins slot waits, not 996 quotes");
        slow.completeAll();
        assertTrue(slow.sent.get(slow.sent.size() - 1).json().contains("\"sequence\":1000"), "the newest value arrives");
        assertTrue(meters.counter("brokergate.stream.conflated").count() >= 990);
    }

    @Test
    void clientThatCannotKeepUpWithOrderEventsIsDisconnectedWithAReason() {
        RecordingTransport fast = new RecordingTransport(true);
        RecordingTransport slow = new RecordingTransport(false);
        ClientSession f = hub.open(caller(), fast);
        ClientSession s = hub.open(caller(), slow);
        hub.subscribe(f, "a", StreamKind.ORDERS, "acc-a1", List.of());
        hub.subscribe(s, "b", StreamKind.ORDERS, "acc-a1", List.of());

        for (int i = 1; i <= 100; i++) {
            hub.onAccountEvent(AccountEvent.order(stamp(i), order(i)));
        }

        assertEquals(101, fast.sent.size(), "every order event reaches the fast client");
        assertNull(fast.closedWith);
        assertNotNull(slow.closedWith);
        assertTrue(slow.closedWith.startsWith("too slow"), slow.closedWith);
        assertEquals(1.0, meters.counter("brokergate.stream.disconnects", "reason", "slow").count());
    }

    @Test
    void aNewOwnersRestatementOfKnownOrdersAndFillsIsNotDeliveredAgain() {
        RecordingTransport client = new RecordingTransport(true);
        ClientSession c = hub.open(caller(), client);
        hub.subscribe(c, "a", StreamKind.ORDERS, "acc-a1", List.of());
        hub.subscribe(c, "b", StreamKind.EXECUTIONS, "acc-a1", List.of());
        Order working = order(1);
        Order filled = new Order("o-1", null, "acc-a1", AAPL, Side.BUY, OrderType.values()[1], null, BigDecimal.ONE,
                BigDecimal.ONE, null, null, BigDecimal.ONE, BigDecimal.ONE, OrderStatus.FILLED, null, Instant.now(), Instant.now());
        Execution fill = new Execution("o-1-1", "o-1", "acc-a1", AAPL, Side.BUY, BigDecimal.ONE, BigDecimal.ONE, null, Instant.now());
        hub.onAccountEvent(AccountEvent.order(stamp(1), working));
        hub.onAccountEvent(AccountEvent.order(stamp(2), filled));
        hub.onAccountEvent(AccountEvent.execution(stamp(3), fill));
        int before = client.sent.size();

        // The next owner (a larger epoch) opens with the day's orders and re-reconciled fills, as after a failover.
        EventStamp next = new EventStamp("tenant-a", "acc-a1", 2, 1, Instant.now());
        hub.onAccountEvent(AccountEvent.order(next, filled.withAccountId("acc-a1")));
        hub.onAccountEvent(AccountEvent.execution(new EventStamp("tenant-a", "acc-a1", 2, 2, Instant.now()), fill));
        hub.onAccountEvent(AccountEvent.order(new EventStamp("tenant-a", "acc-a1", 2, 3, Instant.now()), working));
        assertEquals(before, client.sent.size(), "nothing new for the client, and no step back to an earlier state");

        hub.onAccountEvent(AccountEvent.order(new EventStamp("tenant-a", "acc-a1", 2, 4, Instant.now()), order(2)));
        assertEquals(before + 1, client.sent.size(), "a real change still arrives");
        assertTrue(client.sent.get(before).json().contains("\"epoch\":2"), client.sent.get(before).json());
    }

    static FanoutSettings settings() {
        return new FanoutSettings() {
            public int losslessBacklog() { return 10; }
            public int sendWindow() { return 4; }
            public int retentionEvents() { return 100; }
            public Duration retentionAge() { return Duration.ofMinutes(10); }
            public Duration heartbeat() { return Duration.ofSeconds(15); }
            public int maxSubscriptionsPerConnection() { return 10; }
            public Duration authTimeout() { return Duration.ofSeconds(10); }
            public int maxMessageBytes() { return 65536; }
            public int maxInvalidMessages() { return 20; }
            public Duration invalidMessageWindow() { return Duration.ofSeconds(10); }
            public int ordersPerAccount() { return 100; }
        };
    }

    private static Caller caller() {
        return new Caller("user-1", "tenant-a", Set.of("quotes:read", "accounts:read"), AccountGrant.ALL,
                CredentialKind.values()[0], null, null);
    }

    private static EventStamp stamp(long seq) {
        return new EventStamp("tenant-a", "acc-a1", 1, seq, Instant.now());
    }

    private static Quote quote(int i) {
        return new Quote(AAPL, BigDecimal.valueOf(i), null, null, null, null, null, null, null, null, i, null, null, Instant.now());
    }

    private static Order order(int i) {
        return new Order("o-" + i, null, "acc-a1", AAPL, Side.BUY, OrderType.values()[1], null, BigDecimal.ONE,
                BigDecimal.ONE, null, null, null, null, OrderStatus.WORKING, null, Instant.now(), Instant.now());
    }

    /** Completes sends at once (a reading client) or holds them (a client that never reads). */
    static final class RecordingTransport implements ClientTransport {
        final List<Frame> sent = new CopyOnWriteArrayList<>();
        final List<Sent> pending = new CopyOnWriteArrayList<>();
        final boolean reads;
        volatile String closedWith;

        RecordingTransport(boolean reads) {
            this.reads = reads;
        }

        @Override
        public void send(Frame frame, Sent done) {
            sent.add(frame);
            if (reads) {
                done.sent(null);
            } else {
                pending.add(done);
            }
        }

        /** The client starts reading: everything held and everything that follows completes. */
        void completeAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).sent(null);
            }
        }

        @Override
        public void close(String reason) {
            closedWith = reason;
        }

        @Override
        public String protocol() {
            return "test";
        }
    }
}

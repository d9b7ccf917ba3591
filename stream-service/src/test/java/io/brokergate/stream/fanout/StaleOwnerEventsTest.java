package io.brokergate.stream.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.brokergate.stream.fanout.FanoutHubBackpressureTest.RecordingTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After ownership of an account moves, the previous owner may still publish for a while (a pod cut
 * off from the group, events in flight), and a consumer group rebalance redelivers: clients see
 * neither.
 */
class StaleOwnerEventsTest {

    private static final InstrumentId AAPL = InstrumentId.parse("AAPL.US");

    private final Vertx vertx = Vertx.vertx();
    private final FanoutHub hub = new FanoutHub(new TestStreamEvents(), new FakeUpstreamDemand(),
            new FrameWriter(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)),
            FanoutHubBackpressureTest.settings(), vertx, new SimpleMeterRegistry());

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void accountEventsOfAStaleOwnerAndRedeliveriesNeverReachClients() {
        RecordingTransport client = new RecordingTransport(true);
        hub.subscribe(hub.open(caller(), client), "1", StreamKind.ACCOUNT, "acc-a1", List.of());

        hub.onAccountEvent(AccountEvent.connection(stamp(5, 1), "connected", "new owner"));
        hub.onAccountEvent(AccountEvent.connection(stamp(4, 77), "connected", "old owner, still talking"));
        hub.onAccountEvent(AccountEvent.connection(stamp(5, 1), "connected", "new owner, redelivered"));
        hub.onAccountEvent(AccountEvent.connection(stamp(5, 2), "reconnecting", "new owner"));

        assertEquals(List.of("\"epoch\":5,\"sequence\":1", "\"epoch\":5,\"sequence\":2"), statuses(client));
    }

    @Test
    void marketDataOfAStaleOwnerAndRedeliveriesNeverReachClients() {
        RecordingTransport client = new RecordingTransport(true);
        hub.subscribe(hub.open(caller(), client), "1", StreamKind.QUOTES, "acc-a1", List.of(AAPL));

        hub.onMarketData(MarketDataEvent.quote(stamp(5, 1), quote("1")));
        hub.onMarketData(MarketDataEvent.quote(stamp(4, 9), quote("2")));
        hub.onMarketData(MarketDataEvent.quote(stamp(5, 1), quote("3")));
        hub.onMarketData(MarketDataEvent.quote(stamp(5, 2), quote("4")));
        hub.onMarketData(MarketDataEvent.quote(stamp(6, 1), quote("5")));

        List<String> lasts = client.sent.stream().map(Frame::json).filter(j -> j.contains("\"type\":\"event\""))
                .map(j -> j.replaceAll(".*\"last\":([0-9]+).*", "$1")).toList();
        assertEquals(List.of("1", "4", "5"), lasts);
    }

    private static List<String> statuses(RecordingTransport client) {
        return client.sent.stream().map(Frame::json).filter(j -> j.contains("\"type\":\"status\""))
                .map(j -> j.replaceAll(".*(\"epoch\":[0-9]+,\"sequence\":[0-9]+).*", "$1")).toList();
    }

    private static EventStamp stamp(long epoch, long sequence) {
        return new EventStamp("tenant-a", "acc-a1", epoch, sequence, Instant.now());
    }

    private static Quote quote(String last) {
        return new Quote(AAPL, new BigDecimal(last), null, null, null, null, null, null, null, null, 0, null, null, Instant.now());
    }

    private static Caller caller() {
        return new Caller("user-1", "tenant-a", Set.of("quotes:read", "accounts:read"), AccountGrant.ALL, CredentialKind.USER, null, null);
    }
}

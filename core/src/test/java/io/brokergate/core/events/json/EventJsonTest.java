package io.brokergate.core.events.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.events.WireEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.SubscriptionKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId BERKSHIRE = InstrumentId.parse("BRK.A.US");
    private static final Instant AT = Instant.parse("2026-11-21T01:30:00.123456789Z");
    private static final EventStamp STAMP = new EventStamp("tenant-a", "acc-1", 1764000000123L, 42, AT);

    static Stream<WireEvent> everyPayload() {
        Order order = new Order("o-1", "client-1", "acc-1", TENCENT, Side.BUY, OrderType.LIMIT, TimeInForce.GOOD_TILL_DATE,
                new BigDecimal("400"), new BigDecimal("641.50"), null, LocalDate.of(2026, 12, 31), new BigDecimal("100"),
                new BigDecimal("641.5"), OrderStatus.PARTIALLY_FILLED, "partly filled", AT.minusSeconds(5), AT);
        Execution fill = new Execution("x-1", "o-1", "acc-1", TENCENT, Side.BUY, new BigDecimal("100"), new BigDecimal("641.5"),
                null, AT);
        Position short_ = new Position("acc-1", BERKSHIRE, new BigDecimal("-2"), new BigDecimal("-2"), new BigDecimal("712000.25"),
                null, null, BigDecimal.ZERO, "USD");
        Balance cash = new Balance("acc-1", "HKD", new BigDecimal("1E+6"), new BigDecimal("999000"), new BigDecimal("1000.00"),
                new BigDecimal("999000"), new BigDecimal("64150"), new BigDecimal("1064150"), null, new BigDecimal("-0.0001"), AT);
        Quote quote = new Quote(TENCENT, new BigDecimal("641.5"), new BigDecimal("640"), new BigDecimal("645"), new BigDecimal("638"),
                new BigDecimal("639"), new BigDecimal("641.0"), new BigDecimal("500"), new BigDecimal("642.0"), new BigDecimal("300"),
                12_345_678_901L, new BigDecimal("7912345678.9"), TradingPhase.HALTED, AT);
        Depth depth = new Depth(TENCENT, List.of(new DepthLevel(new BigDecimal("641.0"), new BigDecimal("500"), 3)),
                List.of(new DepthLevel(new BigDecimal("642.0"), new BigDecimal("300"), 0),
                        new DepthLevel(new BigDecimal("642.5"), new BigDecimal("1200"), 7)), AT);
        List<TradeTick> ticks = List.of(
                new TradeTick(BERKSHIRE, new BigDecimal("712000"), BigDecimal.ONE, AT, TradeTick.Aggressor.BUYER, SessionType.REGULAR),
                new TradeTick(BERKSHIRE, new BigDecimal("711999.5"), new BigDecimal("2"), AT.plusNanos(1), TradeTick.Aggressor.UNKNOWN, null));
        Map<InstrumentId, Set<SubscriptionKind>> wanted = Map.of(TENCENT, EnumSet.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH),
                BERKSHIRE, EnumSet.of(SubscriptionKind.TRADES), InstrumentId.parse(".DJI.US"), EnumSet.allOf(SubscriptionKind.class));
        return Stream.of(
                AccountEvent.order(STAMP, order),
                AccountEvent.execution(STAMP, fill),
                AccountEvent.position(STAMP, short_),
                AccountEvent.balances(STAMP, List.of(cash)),
                AccountEvent.connection(STAMP, "reconnecting", null),
                MarketDataEvent.quote(STAMP, quote),
                MarketDataEvent.depth(STAMP, depth),
                MarketDataEvent.trades(STAMP, BERKSHIRE, ticks),
                new SubscriptionIntent(SubscriptionIntent.VERSION, "tenant-a", "acc-1", "stream-7f9c", wanted, AT),
                new SubscriptionIntent(SubscriptionIntent.VERSION, "tenant-a", "acc-1", "stream-7f9c", Map.of(), AT));
    }

    @ParameterizedTest
    @MethodSource("everyPayload")
    void everyPayloadReadsBackEqualWithExactDecimalsAndInstants(WireEvent event) {
        EventType type = EventType.of(event);
        WireEvent back = EventJson.read(type, EventJson.write(event));
        assertEquals(event, back);
        assertEquals(event.key(), back.key());
        assertEquals(type, EventType.named(type.wireName()));
    }

    @Test
    void theWireFormatIsExplicitAndStable() {
        String json = json(everyPayload().filter(e -> e instanceof SubscriptionIntent s && !s.wanted().isEmpty()).findFirst().orElseThrow());
        assertTrue(json.contains("\"700.HK\":["), json);
        assertTrue(json.contains("\"BRK.A.US\":[\"TRADES\"]"), json);
        assertTrue(json.contains("\"version\":1"), json);

        String order = json(everyPayload().findFirst().orElseThrow());
        assertTrue(order.contains("\"instrument\":\"700.HK\""), order);
        assertTrue(order.contains("\"publishedAt\":\"2026-11-21T01:30:00.123456789Z\""), order);
        assertTrue(order.contains("\"expireDate\":\"2026-12-31\""), order);
        assertTrue(order.contains("\"limitPrice\":641.50"), order);
        assertFalse(order.contains("remainingQuantity"), "derived accessors stay off the wire: " + order);
        assertFalse(order.contains("\"execution\""), "absent payloads are omitted: " + order);
        assertFalse(order.contains("lossless"), order);
    }

    @Test
    void fieldsOfALaterCompatibleVersionAreIgnored() {
        String connection = json(AccountEvent.connection(STAMP, "connected", "ok"));
        String extended = connection.replaceFirst("\\{", "{\"region\":\"ap-east-1\",");
        assertEquals(AccountEvent.connection(STAMP, "connected", "ok"), read(EventType.ACCOUNT_EVENT, extended));
    }

    @Test
    void anIncompatibleVersionIsRefusedNotMisread() {
        String v2 = json(AccountEvent.connection(STAMP, "connected", "ok")).replace("\"version\":1", "\"version\":2");
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> read(EventType.ACCOUNT_EVENT, v2));
        assertTrue(e.getMessage().contains("version 2 is not supported"), e.getMessage());
        String v0 = v2.replace("\"version\":2", "\"version\":0");
        assertThrows(MalformedEventException.class, () -> read(EventType.ACCOUNT_EVENT, v0));
    }

    @Test
    void malformedBytesFailWithAMalformedEventException() {
        String quote = json(everyPayload().filter(e -> e instanceof MarketDataEvent).findFirst().orElseThrow());
        List<String> bad = List.of(
                "",
                "null",
                "{not json",
                "[1,2,3]",
                "{\"version\":1,\"kind\":\"ORDER\",\"stamp\":" + stampJson() + "}",
                quote.replace("\"kind\":\"QUOTE\"", "\"kind\":\"DEPTH\""),
                quote.replace("\"instrument\":\"700.HK\"", "\"instrument\":\"not a symbol\""),
                quote.replace("\"kind\":\"QUOTE\"", "\"kind\":\"NEWS\""),
                quote.replace("\"epoch\":1764000000123", "\"epoch\":-1"));
        for (String b : bad) {
            assertThrows(MalformedEventException.class, () -> read(EventType.MARKET_DATA, b), b);
        }
        String intent = "{\"version\":1,\"tenantId\":\"t\",\"accountId\":\"a\",\"pod\":\"p\",\"wanted\":{\"bad key\":[\"QUOTE\"]}}";
        assertThrows(MalformedEventException.class, () -> read(EventType.SUBSCRIPTION_INTENT, intent));
        assertThrows(MalformedEventException.class, () -> EventType.named("order-event-v9"));
    }

    @Test
    void anIntentFromAPublisherThatDoesNotRestateReadsWithoutATime() {
        String older = "{\"version\":1,\"tenantId\":\"t\",\"accountId\":\"a\",\"pod\":\"p\",\"wanted\":{\"700.HK\":[\"QUOTE\"]}}";
        SubscriptionIntent intent = (SubscriptionIntent) read(EventType.SUBSCRIPTION_INTENT, older);
        assertEquals("a|p", intent.key());
        assertEquals(null, intent.at());
    }

    @Test
    void aPayloadOfAnotherTypeIsNotReadAsThisOne() {
        String intent = json(everyPayload().filter(e -> e instanceof SubscriptionIntent).findFirst().orElseThrow());
        assertThrows(MalformedEventException.class, () -> read(EventType.ACCOUNT_EVENT, intent));
    }

    private static String stampJson() {
        String order = json(AccountEvent.connection(STAMP, "x", null));
        int from = order.indexOf("\"stamp\":") + "\"stamp\":".length();
        return order.substring(from, order.indexOf('}', from) + 1);
    }

    private static String json(WireEvent event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    private static WireEvent read(EventType type, String json) {
        return EventJson.read(type, json.getBytes(StandardCharsets.UTF_8));
    }
}

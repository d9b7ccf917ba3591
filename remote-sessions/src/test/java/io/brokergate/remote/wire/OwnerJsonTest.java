package io.brokergate.remote.wire;

import static io.brokergate.remote.wire.SpiSamples.AT;
import static io.brokergate.remote.wire.SpiSamples.BERKSHIRE;
import static io.brokergate.remote.wire.SpiSamples.TENCENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.remote.wire.OwnerArgs.AccountQuery;
import io.brokergate.remote.wire.OwnerArgs.AccountRef;
import io.brokergate.remote.wire.OwnerArgs.Candles;
import io.brokergate.remote.wire.OwnerArgs.ClientOrderRef;
import io.brokergate.remote.wire.OwnerArgs.Days;
import io.brokergate.remote.wire.OwnerArgs.HistoryCandles;
import io.brokergate.remote.wire.OwnerArgs.InstrumentRef;
import io.brokergate.remote.wire.OwnerArgs.Instruments;
import io.brokergate.remote.wire.OwnerArgs.MaxQuantity;
import io.brokergate.remote.wire.OwnerArgs.None;
import io.brokergate.remote.wire.OwnerArgs.OrderRef;
import io.brokergate.remote.wire.OwnerArgs.Trades;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every argument and result of every owner call reads back equal to what was written: scale, nulls and all. */
class OwnerJsonTest {

    /** A sample argument and result for each call; the map must cover {@link OwnerCalls#ALL}. */
    private static final Map<OwnerCall<?, ?>, List<Object>> SAMPLES = samples();

    private static Map<OwnerCall<?, ?>, List<Object>> samples() {
        Map<OwnerCall<?, ?>, List<Object>> m = new IdentityHashMap<>();
        OrderQuery filtered = new OrderQuery(TENCENT, Set.of(OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED), Side.BUY,
                null, AT, AT.plusSeconds(3600));
        m.put(OwnerCalls.PLACE, List.of(SpiSamples.gtdLimit(), new OrderAck("ord-9", "cid-1")));
        m.put(OwnerCalls.AMEND, List.of(new OrderAmendment("PA0000A", "ord-9", null, new BigDecimal("385.40"), null)));
        m.put(OwnerCalls.CANCEL, List.of(new OrderRef("PA0000A", "ord-9")));
        m.put(OwnerCalls.ORDER, List.of(new OrderRef("PA0000A", "ord-9"), SpiSamples.order()));
        m.put(OwnerCalls.ORDER_BY_CLIENT_ID, List.of(new ClientOrderRef("PA0000A", "cid-1"), SpiSamples.order()));
        m.put(OwnerCalls.TODAY_ORDERS, List.of(new AccountQuery("PA0000A", filtered), List.of(SpiSamples.order())));
        m.put(OwnerCalls.HISTORY_ORDERS, List.of(new AccountQuery("PA0000A", OrderQuery.ALL), List.of()));
        m.put(OwnerCalls.TODAY_EXECUTIONS, List.of(new AccountQuery("PA0000A", OrderQuery.byOrderId("ord-9")),
                List.of(SpiSamples.execution())));
        m.put(OwnerCalls.HISTORY_EXECUTIONS, List.of(new AccountQuery("PA0000A", filtered), List.of(SpiSamples.execution())));
        m.put(OwnerCalls.POSITIONS, List.of(new AccountRef("PA0000A"), List.of(SpiSamples.shortPosition())));
        m.put(OwnerCalls.BALANCES, List.of(new AccountRef("PA0000A"), List.of(SpiSamples.balance())));
        m.put(OwnerCalls.MAX_QUANTITY, List.of(new MaxQuantity("PA0000A", TENCENT, Side.BUY, OrderType.LIMIT,
                new BigDecimal("385.20")), new BigDecimal("25900")));
        m.put(OwnerCalls.QUOTES, List.of(new Instruments(List.of(TENCENT, BERKSHIRE)), List.of(SpiSamples.quote())));
        m.put(OwnerCalls.DEPTH, List.of(new InstrumentRef(TENCENT), SpiSamples.depth()));
        m.put(OwnerCalls.TRADES, List.of(new Trades(TENCENT, 50), List.of(SpiSamples.tick())));
        m.put(OwnerCalls.CANDLES, List.of(new Candles(TENCENT, BarPeriod.MIN_5, 500), List.of(SpiSamples.bar())));
        m.put(OwnerCalls.HISTORY_CANDLES, List.of(new HistoryCandles(TENCENT, BarPeriod.MONTH, AT.minusSeconds(86_400 * 400L), AT),
                List.of(SpiSamples.bar())));
        m.put(OwnerCalls.INSTRUMENTS, List.of(new Instruments(List.of(TENCENT)), List.of(SpiSamples.instrument())));
        m.put(OwnerCalls.TRADING_SESSIONS, List.of(new None(), List.of(SpiSamples.session())));
        m.put(OwnerCalls.TRADING_DAYS, List.of(new Days(Market.HK, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                SpiSamples.days()));
        return m;
    }

    @Test
    void everyCallsArgumentAndResultReadBackEqual() throws IOException {
        Set<String> names = new HashSet<>();
        for (OwnerCall<?, ?> call : OwnerCalls.ALL) {
            assertTrue(names.add(call.name()), "duplicate path " + call.name());
            List<Object> sample = SAMPLES.get(call);
            assertTrue(sample != null, "no sample for " + call);
            assertEquals(sample.get(0), roundTrip(sample.get(0), call.argument()), call + " argument");
            if (call.isVoid()) {
                assertEquals(1, sample.size());
            } else {
                assertEquals(sample.get(1), roundTrip(sample.get(1), call.result()), call + " result");
            }
        }
    }

    @Test
    void ordersOfEveryShapeSurvive() throws IOException {
        assertEquals(SpiSamples.trailingStop(), roundTrip(SpiSamples.trailingStop(), OwnerCalls.PLACE.argument()));
        Object position = roundTrip(List.of(SpiSamples.shortPosition()), OwnerCalls.POSITIONS.result());
        assertEquals(new BigDecimal("612000.10"), ((List<?>) position).stream().map(p -> ((io.brokergate.core.account.Position) p)
                .averageCost()).findFirst().orElseThrow(), "scale kept");
    }

    @Test
    void anEmptyOptionalIsJsonNull() throws IOException {
        assertNull(OwnerJson.read("null".getBytes(StandardCharsets.UTF_8), OwnerCalls.ORDER.result()));
    }

    @Test
    void derivedAccessorsStayOffTheWire() {
        String json = new String(OwnerJson.write(SpiSamples.order()), StandardCharsets.UTF_8);
        assertFalse(json.contains("remainingQuantity"), json);
        assertTrue(json.contains("\"instrument\":\"700.HK\""), json);
        assertTrue(json.contains("\"limitPrice\":385.20"), json);
    }

    @Test
    void anInvalidOrderIsRefusedByTheRecordItself() {
        byte[] noPrice = ("{\"accountId\":\"PA0000A\",\"instrument\":\"700.HK\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                + "\"quantity\":100,\"outsideRegularHours\":false}").getBytes(StandardCharsets.UTF_8);
        Exception e = assertThrows(Exception.class, () -> OwnerJson.read(noPrice, OwnerCalls.PLACE.argument()));
        assertTrue(String.valueOf(e.getMessage()).contains("limit_price is required"), e.getMessage());
    }

    @Test
    void brokerFailuresTravelWithCodeRetryAfterAndBrokerCode() {
        GatewayException limited = new GatewayException(ErrorCode.RATE_LIMITED, "LongPort trade lane is full",
                Duration.ofMillis(250), "429002", null);
        GatewayException back = OwnerProblems.decode(OwnerProblems.encode(limited, "/internal/v1/accounts/a/trading/place"));
        assertEquals(ErrorCode.RATE_LIMITED, back.code());
        assertEquals("LongPort trade lane is full", back.getMessage());
        assertEquals(Duration.ofMillis(250), back.retryAfter());
        assertEquals("429002", back.brokerCode());

        GatewayException rejected = OwnerProblems.decode(OwnerProblems.encode(
                new GatewayException(ErrorCode.INSUFFICIENT_FUNDS, "not enough HKD"), null));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, rejected.code());
        assertNull(rejected.retryAfter());
        assertNull(rejected.brokerCode());
    }

    @Test
    void notOwnerIsRecognisedAndIsNoTaxonomyError() {
        byte[] body = OwnerProblems.notOwner("acc-a", "/internal/v1/accounts/acc-a/trading/place");
        assertTrue(OwnerProblems.isNotOwner(OwnerProblems.MISDIRECTED, body));
        assertFalse(OwnerProblems.isNotOwner(503, body));
        assertNull(OwnerProblems.decode(body));
        assertNull(OwnerProblems.decode("<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void accountIdsAreEncodedInThePath() {
        assertEquals("/internal/v1/accounts/acc%2F1%20x/trading/place", OwnerCalls.PLACE.path("acc/1 x"));
    }

    private static Object roundTrip(Object value, com.fasterxml.jackson.databind.JavaType type) throws IOException {
        return OwnerJson.read(OwnerJson.write(value), type);
    }
}

package io.brokergate.longport.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.rest.OrderSide;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderMappingTest {

    private static final Map<OrderType, String> TYPES = Map.of(
            OrderType.LIMIT, "LO", OrderType.MARKET, "MO", OrderType.STOP_LIMIT, "LIT", OrderType.STOP, "MIT",
            OrderType.TRAILING_STOP, "TSLPAMT", OrderType.ENHANCED_LIMIT, "ELO", OrderType.AT_AUCTION, "AO",
            OrderType.AT_AUCTION_LIMIT, "ALO");

    @Test
    void orderTypesMapBothWays() {
        TYPES.forEach((core, wire) -> {
            io.brokergate.longport.rest.OrderType w = OrderTypes.toWire(core, Market.HK, false);
            assertEquals(wire, w.wire(), core.name());
            assertEquals(core, OrderTypes.toCore(w, true), wire);
        });
        assertEquals(TYPES.keySet(), OrderTypes.supported());
    }

    @Test
    void trailingPercentUsesTslppct() {
        assertEquals(io.brokergate.longport.rest.OrderType.TSLPPCT, OrderTypes.toWire(OrderType.TRAILING_STOP, Market.US, true));
        assertEquals(OrderType.TRAILING_STOP, OrderTypes.toCore(io.brokergate.longport.rest.OrderType.TSLPPCT, false));
    }

    @Test
    void unsupportedTypesAndMarketsAreInvalid() {
        for (OrderType t : EnumSet.of(OrderType.MARKET_IF_TOUCHED, OrderType.LIMIT_IF_TOUCHED, OrderType.TRAILING_STOP_LIMIT)) {
            GatewayException e = assertThrows(GatewayException.class, () -> OrderTypes.toWire(t, Market.HK, false));
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        }
        GatewayException e = assertThrows(GatewayException.class,
                () -> OrderTypes.toWire(OrderType.ENHANCED_LIMIT, Market.US, false));
        assertTrue(e.getMessage().contains("HKEX"), e.getMessage());
    }

    @Test
    void oddLotAndUnknownTypesStillMap() {
        assertEquals(OrderType.LIMIT, OrderTypes.toCore(io.brokergate.longport.rest.OrderType.ODD, true));
        assertEquals(OrderType.LIMIT, OrderTypes.toCore(io.brokergate.longport.rest.OrderType.UNKNOWN, true));
        assertEquals(OrderType.MARKET, OrderTypes.toCore(io.brokergate.longport.rest.OrderType.UNKNOWN, false));
    }

    @Test
    void statusesMapByExecutedQuantity() {
        BigDecimal none = BigDecimal.ZERO;
        BigDecimal some = new BigDecimal("100");
        Map<String, OrderStatus> plain = Map.ofEntries(
                Map.entry("NotReported", OrderStatus.PENDING_NEW), Map.entry("ReplacedNotReported", OrderStatus.PENDING_NEW),
                Map.entry("ProtectedNotReported", OrderStatus.PENDING_NEW),
                Map.entry("VarietiesNotReported", OrderStatus.PENDING_NEW), Map.entry("WaitToNew", OrderStatus.PENDING_NEW),
                Map.entry("PartialFilledStatus", OrderStatus.PARTIALLY_FILLED), Map.entry("FilledStatus", OrderStatus.FILLED),
                Map.entry("CanceledStatus", OrderStatus.CANCELLED), Map.entry("PartialWithdrawal", OrderStatus.CANCELLED),
                Map.entry("RejectedStatus", OrderStatus.REJECTED), Map.entry("ExpiredStatus", OrderStatus.EXPIRED));
        plain.forEach((wire, core) -> assertEquals(core,
                OrderStatuses.toCore(io.brokergate.longport.rest.OrderStatus.fromWire(wire), none), wire));
        for (String live : Set.of("NewStatus", "WaitToReplace", "PendingReplaceStatus", "ReplacedStatus", "WaitToCancel",
                "PendingCancelStatus")) {
            io.brokergate.longport.rest.OrderStatus s = io.brokergate.longport.rest.OrderStatus.fromWire(live);
            assertEquals(OrderStatus.WORKING, OrderStatuses.toCore(s, none), live);
            assertEquals(OrderStatus.PARTIALLY_FILLED, OrderStatuses.toCore(s, some), live);
        }
    }

    @Test
    void everyWireStatusMapsBackToItsCoreStatus() {
        for (OrderStatus core : OrderStatus.values()) {
            for (io.brokergate.longport.rest.OrderStatus wire : OrderStatuses.toWire(Set.of(core))) {
                BigDecimal executed = core == OrderStatus.PARTIALLY_FILLED ? BigDecimal.ONE : BigDecimal.ZERO;
                assertEquals(core, OrderStatuses.toCore(wire, executed), core + " <- " + wire);
            }
        }
        assertTrue(OrderStatuses.toWire(Set.of(OrderStatus.INACTIVE)).isEmpty());
    }

    @Test
    void sidesMapBothWays() {
        assertEquals("Buy", Sides.toWire(Side.BUY).wire());
        assertEquals("Sell", Sides.toWire(Side.SELL).wire());
        assertEquals(Side.BUY, Sides.toCore(OrderSide.fromWire("Buy")));
        assertEquals(Side.SELL, Sides.toCore(OrderSide.fromWire("Sell")));
        assertEquals(null, Sides.toCore(OrderSide.fromWire("Short")));
    }

    @Test
    void timesInForceMapBothWays() {
        assertEquals("Day", TimesInForce.toWire(TimeInForce.DAY).wire());
        assertEquals("GTC", TimesInForce.toWire(TimeInForce.GOOD_TILL_CANCELLED).wire());
        assertEquals("GTD", TimesInForce.toWire(TimeInForce.GOOD_TILL_DATE).wire());
        for (TimeInForce t : TimesInForce.SUPPORTED) {
            assertEquals(t, TimesInForce.toCore(TimesInForce.toWire(t)));
        }
        for (TimeInForce t : EnumSet.of(TimeInForce.IMMEDIATE_OR_CANCEL, TimeInForce.FILL_OR_KILL)) {
            assertEquals(ErrorCode.INVALID_REQUEST,
                    assertThrows(GatewayException.class, () -> TimesInForce.toWire(t)).code());
        }
        assertEquals(TimeInForce.GOOD_TILL_CANCELLED, TimesInForce.toCore(io.brokergate.longport.rest.TimeInForce.fromWire("Gtc")));
    }
}

package io.brokergate.longport.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.rest.OrderChangedJson;
import io.brokergate.longport.rest.OrderJson;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrdersTest {

    private static OrderJson json(String status, String executed, String executedPrice) {
        return new OrderJson("701", status, "Tencent", "300", executed, "388.5", executedPrice, "1700000000", "Buy",
                "700.HK", "LO", "", "", "", "Normal", "GTC", "", "1700000060", "0", "", "", "", "NOT_USED", "HKD",
                "UnknownOutsideRth", 0, 0, "", "cid-9");
    }

    @Test
    void restOrdersMapWithEmptyStringsAsAbsent() {
        Order o = Orders.fromJson(json("NewStatus", "0", "0"), "acc");
        assertEquals("701", o.orderId());
        assertEquals("cid-9", o.clientOrderId());
        assertEquals(Side.BUY, o.side());
        assertEquals(OrderType.LIMIT, o.type());
        assertEquals(TimeInForce.GOOD_TILL_CANCELLED, o.timeInForce());
        assertEquals(OrderStatus.WORKING, o.status());
        assertEquals(new BigDecimal("388.5"), o.limitPrice());
        assertNull(o.stopPrice());
        assertNull(o.averageFillPrice());
        assertNull(o.expireDate());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), o.createdAt());
        assertEquals(Instant.ofEpochSecond(1_700_000_060L), o.updatedAt());
    }

    @Test
    void aLiveStatusWithFillsIsPartiallyFilled() {
        Order o = Orders.fromJson(json("WaitToCancel", "100", "388.4"), "acc");
        assertEquals(OrderStatus.PARTIALLY_FILLED, o.status());
        assertEquals(new BigDecimal("388.4"), o.averageFillPrice());
        assertEquals(OrderStatus.CANCELLED, Orders.fromJson(json("PartialWithdrawal", "100", "388.4"), "acc").status());
    }

    @Test
    void pushesMapToo() {
        OrderChangedJson push = new OrderChangedJson("Sell", "Apple", "5", "AAPL.US", "MIT", "", "5", "180.2", "88",
                "USD", "FilledStatus", "1700000000", "1700000001", "181", "", "Normal", "RELEASED", "1700000001", "",
                "", "", "ACC", "5", "180.2", "");
        Order o = Orders.fromPush(push, "ACC");
        assertEquals(OrderType.STOP, o.type());
        assertEquals(Side.SELL, o.side());
        assertEquals(OrderStatus.FILLED, o.status());
        assertEquals(new BigDecimal("181"), o.stopPrice());
        assertNull(o.clientOrderId());
        assertNull(o.timeInForce(), "pushes do not carry it; the tracker keeps the known one");
    }

    @Test
    void unreadableSymbolsOrSidesAreSkipped() {
        OrderJson badSide = new OrderJson("1", "NewStatus", "", "1", "0", "1", "0", "1", "Short", "700.HK", "LO", "", "",
                "", "", "Day", "", "", "", "", "", "", "", "", "", 0, 0, "", "");
        assertNull(Orders.fromJson(badSide, "acc"));
    }
}

package io.brokergate.longport.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTrackerTest {

    private static Order order(OrderStatus status, String filled, String avg) {
        return new Order("77", "cid", "acc", InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("300"), new BigDecimal("380"), null, null, new BigDecimal(filled),
                avg == null ? null : new BigDecimal(avg), status, null, Instant.EPOCH, Instant.ofEpochSecond(10));
    }

    @Test
    void duplicatesAndStaleStatesAreDropped() {
        OrderTracker t = new OrderTracker();
        assertNotNull(t.offer(order(OrderStatus.WORKING, "0", null)));
        assertNull(t.offer(order(OrderStatus.WORKING, "0", null)), "duplicate");
        assertNotNull(t.offer(order(OrderStatus.FILLED, "300", "380")));
        assertNull(t.offer(order(OrderStatus.WORKING, "0", null)), "late push");
        assertNull(t.offer(order(OrderStatus.FILLED, "300", "380")), "reconciliation after the push");
        assertEquals(OrderStatus.FILLED, t.last("77").status());
    }

    @Test
    void executionsAreSynthesisedFromTheCumulativeQuantity() {
        OrderTracker t = new OrderTracker();
        t.offer(order(OrderStatus.WORKING, "0", null));
        OrderTracker.Update first = t.offer(order(OrderStatus.PARTIALLY_FILLED, "100", "380"));
        assertEquals("77-100", first.execution().executionId());
        assertEquals(new BigDecimal("100"), first.execution().quantity());
        assertEquals(new BigDecimal("380"), first.execution().price());
        OrderTracker.Update second = t.offer(order(OrderStatus.FILLED, "300", "379"));
        assertEquals("77-300", second.execution().executionId());
        assertEquals(new BigDecimal("200"), second.execution().quantity());
        // (379 × 300 − 380 × 100) / 200 = 378.5
        assertEquals(0, new BigDecimal("378.5").compareTo(second.execution().price()));
    }

    @Test
    void thePushedLastFillPriceWinsWhenItCoversTheDelta() {
        OrderTracker t = new OrderTracker();
        t.offer(order(OrderStatus.WORKING, "0", null));
        OrderTracker.Update u = t.offer(order(OrderStatus.FILLED, "300", "380"), new BigDecimal("300"), new BigDecimal("380.2"));
        assertEquals(new BigDecimal("380.2"), u.execution().price());
    }

    @Test
    void aFillSeenOnlyByReconciliationStillYieldsOneExecution() {
        OrderTracker t = new OrderTracker();
        t.offer(order(OrderStatus.WORKING, "0", null));
        OrderTracker.Update u = t.offer(order(OrderStatus.FILLED, "300", "380"));
        assertEquals(OrderStatus.FILLED, u.order().status());
        assertEquals(new BigDecimal("300"), u.execution().quantity());
        assertNull(t.offer(order(OrderStatus.FILLED, "300", "380")));
    }

    @Test
    void pushesWithoutTimeInForceKeepTheKnownOne() {
        OrderTracker t = new OrderTracker();
        t.offer(order(OrderStatus.WORKING, "0", null));
        Order push = new Order("77", null, "acc", InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, null,
                new BigDecimal("300"), new BigDecimal("381"), null, null, BigDecimal.ZERO, null, OrderStatus.WORKING, null,
                null, Instant.ofEpochSecond(20));
        OrderTracker.Update u = t.offer(push);
        assertEquals(TimeInForce.DAY, u.order().timeInForce());
        assertEquals("cid", u.order().clientOrderId());
        assertEquals(Instant.EPOCH, u.order().createdAt());
        assertNull(u.execution());
    }
}

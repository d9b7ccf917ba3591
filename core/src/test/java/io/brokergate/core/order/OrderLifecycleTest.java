package io.brokergate.core.order;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest {

    private static Order order(OrderStatus status, String filled) {
        return new Order("1", "c", "a", InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("300"), new BigDecimal("380"), null, null, new BigDecimal(filled), null, status, null,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void finalStatusesAreTerminal() {
        for (OrderStatus s : OrderStatus.values()) {
            if (s.isFinal()) {
                for (OrderStatus t : OrderStatus.values()) {
                    assertFalse(OrderLifecycle.canTransition(s, t), s + " -> " + t);
                }
            }
        }
    }

    @Test
    void aLateWorkingPushNeverResurrectsAFilledOrder() {
        assertFalse(OrderLifecycle.supersedes(order(OrderStatus.FILLED, "300"), order(OrderStatus.WORKING, "0")));
        assertFalse(OrderLifecycle.supersedes(order(OrderStatus.PARTIALLY_FILLED, "200"), order(OrderStatus.PARTIALLY_FILLED, "100")));
        assertTrue(OrderLifecycle.supersedes(order(OrderStatus.PARTIALLY_FILLED, "100"), order(OrderStatus.PARTIALLY_FILLED, "200")));
        assertTrue(OrderLifecycle.supersedes(order(OrderStatus.WORKING, "0"), order(OrderStatus.FILLED, "300")));
        assertFalse(OrderLifecycle.supersedes(order(OrderStatus.CANCELLED, "0"), order(OrderStatus.CANCELLED, "0")));
    }

    @Test
    void remainingQuantityIsZeroOnceFinal() {
        assertTrue(order(OrderStatus.CANCELLED, "100").remainingQuantity().signum() == 0);
        assertTrue(order(OrderStatus.PARTIALLY_FILLED, "100").remainingQuantity().compareTo(new BigDecimal("200")) == 0);
    }
}

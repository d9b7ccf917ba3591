package io.brokergate.sim.engine;

import io.brokergate.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change in an order's life. For fills {@code quantity} and {@code price} are the fill's; for other
 * changes they are the order's quantity and limit (or trigger) price after the change.
 */
public record OrderHistoryEntry(Instant time, OrderStatus status, BigDecimal quantity, BigDecimal price, String message) {
}

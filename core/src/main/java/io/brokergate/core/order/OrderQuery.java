package io.brokergate.core.order;

import io.brokergate.core.instrument.InstrumentId;
import java.time.Instant;
import java.util.Set;

/** Filters for order and execution look-ups; null or empty means "any". */
public record OrderQuery(InstrumentId instrument, Set<OrderStatus> statuses, Side side, String orderId, Instant from, Instant to) {

    public static final OrderQuery ALL = new OrderQuery(null, Set.of(), null, null, null, null);

    public OrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static OrderQuery byOrderId(String orderId) {
        return new OrderQuery(null, Set.of(), null, orderId, null, null);
    }

    public boolean matches(Order o) {
        return (instrument == null || instrument.equals(o.instrument()))
                && (statuses.isEmpty() || statuses.contains(o.status()))
                && (side == null || side == o.side())
                && (orderId == null || orderId.equals(o.orderId()))
                && (from == null || o.createdAt() == null || !o.createdAt().isBefore(from))
                && (to == null || o.createdAt() == null || o.createdAt().isBefore(to));
    }
}

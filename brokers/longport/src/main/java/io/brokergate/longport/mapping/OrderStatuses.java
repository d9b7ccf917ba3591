package io.brokergate.longport.mapping;

import io.brokergate.core.order.OrderStatus;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * LongPort's 17 order statuses ↔ the gateway's lifecycle. LongPort has no "working but partly
 * filled" status for orders being replaced or cancelled, so those map to WORKING or
 * PARTIALLY_FILLED by the executed quantity.
 */
public final class OrderStatuses {

    private static final Set<io.brokergate.longport.rest.OrderStatus> LIVE = EnumSet.of(
            io.brokergate.longport.rest.OrderStatus.NEW,
            io.brokergate.longport.rest.OrderStatus.WAIT_TO_REPLACE,
            io.brokergate.longport.rest.OrderStatus.PENDING_REPLACE,
            io.brokergate.longport.rest.OrderStatus.REPLACED,
            io.brokergate.longport.rest.OrderStatus.WAIT_TO_CANCEL,
            io.brokergate.longport.rest.OrderStatus.PENDING_CANCEL);

    private static final Map<OrderStatus, Set<io.brokergate.longport.rest.OrderStatus>> TO_WIRE =
            new EnumMap<>(OrderStatus.class);

    static {
        TO_WIRE.put(OrderStatus.PENDING_NEW, EnumSet.of(
                io.brokergate.longport.rest.OrderStatus.NOT_REPORTED,
                io.brokergate.longport.rest.OrderStatus.REPLACED_NOT_REPORTED,
                io.brokergate.longport.rest.OrderStatus.PROTECTED_NOT_REPORTED,
                io.brokergate.longport.rest.OrderStatus.VARIETIES_NOT_REPORTED,
                io.brokergate.longport.rest.OrderStatus.WAIT_TO_NEW));
        TO_WIRE.put(OrderStatus.WORKING, LIVE);
        Set<io.brokergate.longport.rest.OrderStatus> partial = EnumSet.copyOf(LIVE);
        partial.add(io.brokergate.longport.rest.OrderStatus.PARTIAL_FILLED);
        TO_WIRE.put(OrderStatus.PARTIALLY_FILLED, partial);
        TO_WIRE.put(OrderStatus.FILLED, EnumSet.of(io.brokergate.longport.rest.OrderStatus.FILLED));
        TO_WIRE.put(OrderStatus.CANCELLED, EnumSet.of(io.brokergate.longport.rest.OrderStatus.CANCELED,
                io.brokergate.longport.rest.OrderStatus.PARTIAL_WITHDRAWAL));
        TO_WIRE.put(OrderStatus.REJECTED, EnumSet.of(io.brokergate.longport.rest.OrderStatus.REJECTED));
        TO_WIRE.put(OrderStatus.EXPIRED, EnumSet.of(io.brokergate.longport.rest.OrderStatus.EXPIRED));
        TO_WIRE.put(OrderStatus.INACTIVE, EnumSet.noneOf(io.brokergate.longport.rest.OrderStatus.class));
    }

    private OrderStatuses() {
    }

    /** @param executed executed quantity, null meaning none */
    public static OrderStatus toCore(io.brokergate.longport.rest.OrderStatus wire, BigDecimal executed) {
        boolean filledSome = executed != null && executed.signum() > 0;
        if (wire == null) {
            return filledSome ? OrderStatus.PARTIALLY_FILLED : OrderStatus.WORKING;
        }
        return switch (wire) {
            case NOT_REPORTED, REPLACED_NOT_REPORTED, PROTECTED_NOT_REPORTED, VARIETIES_NOT_REPORTED, WAIT_TO_NEW ->
                    OrderStatus.PENDING_NEW;
            case PARTIAL_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.FILLED;
            case CANCELED, PARTIAL_WITHDRAWAL -> OrderStatus.CANCELLED;
            case REJECTED -> OrderStatus.REJECTED;
            case EXPIRED -> OrderStatus.EXPIRED;
            // Live statuses and any status this code does not know: the order is at the broker.
            default -> filledSome ? OrderStatus.PARTIALLY_FILLED : OrderStatus.WORKING;
        };
    }

    /** Every LongPort status that can map to one of {@code statuses}, for the {@code status[]} filter. */
    public static Set<io.brokergate.longport.rest.OrderStatus> toWire(Collection<OrderStatus> statuses) {
        Set<io.brokergate.longport.rest.OrderStatus> out = EnumSet.noneOf(io.brokergate.longport.rest.OrderStatus.class);
        for (OrderStatus s : statuses) {
            out.addAll(TO_WIRE.get(s));
        }
        return out;
    }
}

package io.brokergate.core.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status changes are legal. Brokers deliver pushes out of order and twice; whoever applies an
 * update consults this table so that a late "working" never resurrects a filled order.
 */
public final class OrderLifecycle {

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(OrderStatus.INACTIVE, EnumSet.of(OrderStatus.PENDING_NEW, OrderStatus.WORKING,
                OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED,
                OrderStatus.EXPIRED));
        NEXT.put(OrderStatus.PENDING_NEW, EnumSet.of(OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED,
                OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED, OrderStatus.EXPIRED));
        // WORKING → WORKING is an amendment (price or quantity changed).
        NEXT.put(OrderStatus.WORKING, EnumSet.of(OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED,
                OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED, OrderStatus.EXPIRED));
        NEXT.put(OrderStatus.PARTIALLY_FILLED, EnumSet.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
                OrderStatus.CANCELLED, OrderStatus.EXPIRED));
        for (OrderStatus s : OrderStatus.values()) {
            NEXT.putIfAbsent(s, EnumSet.noneOf(OrderStatus.class));
        }
    }

    private OrderLifecycle() {
    }

    public static boolean canTransition(OrderStatus from, OrderStatus to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Whether {@code next} should replace {@code current}: a legal transition, or the same status
     * with more filled quantity (a second partial fill).
     */
    public static boolean supersedes(Order current, Order next) {
        if (current == null) {
            return true;
        }
        if (next.filledQuantity().compareTo(current.filledQuantity()) < 0) {
            return false;
        }
        if (current.status() == next.status()) {
            return !current.status().isFinal() || next.filledQuantity().compareTo(current.filledQuantity()) > 0;
        }
        return canTransition(current.status(), next.status());
    }
}

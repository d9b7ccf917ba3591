package io.brokergate.longport.trading;

import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderLifecycle;
import io.brokergate.longport.mapping.Decimals;
import io.brokergate.longport.mapping.Orders;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The last order state delivered to listeners, per order id. Pushes and reconciliation snapshots
 * both pass through {@link #offer}: a state equal to the delivered one (a duplicate) or one that
 * {@link OrderLifecycle#supersedes} rejects (a stale push) is dropped, so every change reaches
 * listeners exactly once whichever path saw it first. When the executed quantity grew, an
 * {@link Execution} is synthesised with the id {@code orderId-cumulativeQuantity}, which is the
 * same whichever path reports the fill. Not thread-safe: confined to the trade socket's event loop.
 */
public final class OrderTracker {

    /** What to deliver: the order, and the fill that came with it (or null). */
    public record Update(Order order, Execution execution) {
    }

    private final Map<String, Order> delivered = new HashMap<>();

    /**
     * @param lastShare quantity of the latest fill when the push says (else null)
     * @param lastPrice its price (else null): exact, unlike a price derived from averages
     * @return the update to deliver, or null when there is nothing new
     */
    public Update offer(Order next, BigDecimal lastShare, BigDecimal lastPrice) {
        Order current = delivered.get(next.orderId());
        Order merged = fillGaps(current, next);
        if (current != null && (Orders.sameState(current, merged) || !OrderLifecycle.supersedes(current, merged))) {
            return null;
        }
        delivered.put(merged.orderId(), merged);
        return new Update(merged, execution(current, merged, lastShare, lastPrice));
    }

    public Update offer(Order next) {
        return offer(next, null, null);
    }

    public Order last(String orderId) {
        return delivered.get(orderId);
    }

    public int size() {
        return delivered.size();
    }

    /** Pushes lack time in force, expiry and sometimes the client id: keep what was known. */
    static Order fillGaps(Order current, Order next) {
        if (current == null || (next.timeInForce() != null && next.expireDate() != null
                && next.clientOrderId() != null && next.createdAt() != null)) {
            return next;
        }
        return new Order(next.orderId(), or(next.clientOrderId(), current.clientOrderId()), next.accountId(),
                next.instrument(), next.side(), next.type(), or(next.timeInForce(), current.timeInForce()),
                next.quantity(), next.limitPrice(), next.stopPrice(), or(next.expireDate(), current.expireDate()),
                next.filledQuantity(), next.averageFillPrice(), next.status(), next.message(),
                or(next.createdAt(), current.createdAt()), next.updatedAt());
    }

    static Execution execution(Order prev, Order next, BigDecimal lastShare, BigDecimal lastPrice) {
        BigDecimal before = prev == null ? BigDecimal.ZERO : prev.filledQuantity();
        BigDecimal delta = next.filledQuantity().subtract(before);
        if (delta.signum() <= 0) {
            return null;
        }
        BigDecimal price = lastPrice != null && lastShare != null && lastShare.compareTo(delta) == 0
                ? lastPrice : fillPrice(prev, next, delta);
        Instant at = next.updatedAt() != null ? next.updatedAt() : Instant.now();
        return new Execution(next.orderId() + "-" + Decimals.toWire(next.filledQuantity()), next.orderId(),
                next.accountId(), next.instrument(), next.side(), delta, price, null, at);
    }

    /** Price of the fills between two snapshots, from the change in average price × quantity. */
    private static BigDecimal fillPrice(Order prev, Order next, BigDecimal delta) {
        BigDecimal avg = next.averageFillPrice();
        if (avg == null) {
            return null;
        }
        if (prev == null || prev.filledQuantity().signum() == 0 || prev.averageFillPrice() == null) {
            return avg;
        }
        BigDecimal notional = avg.multiply(next.filledQuantity())
                .subtract(prev.averageFillPrice().multiply(prev.filledQuantity()));
        return notional.divide(delta, MathContext.DECIMAL64).stripTrailingZeros();
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}

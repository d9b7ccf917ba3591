package io.brokergate.trade.brackets;

import io.brokergate.core.order.OrderStatus;

/** A leg's life: waiting for the parent, being placed, working at the broker, done. */
public enum LegState {
    /** The parent has not filled; nothing is at the broker. */
    INACTIVE,
    /** Claimed for placement (by this or another pod); the order path's idempotency record settles it. */
    SUBMITTING,
    /**
     * A stop watched by the gateway while its sibling take-profit rests at the broker: a cash
     * equity broker holds the shares for one resting sell, so both exits cannot rest at once.
     * Triggered by the market, it becomes a market order.
     */
    ARMED,
    /** Working at the broker as {@code order_id}. */
    ACTIVE,
    FILLED,
    CANCELLED,
    REJECTED;

    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }

    /** The leg's state once its broker order reached {@code status}. */
    static LegState of(OrderStatus status) {
        return switch (status) {
            case FILLED -> FILLED;
            case CANCELLED, EXPIRED -> CANCELLED;
            case REJECTED -> REJECTED;
            default -> ACTIVE;
        };
    }
}

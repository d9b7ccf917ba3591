package io.brokergate.core.order;

/**
 * The gateway's order lifecycle:
 * {@code pending_new → working → partially_filled → filled | cancelled | rejected | expired},
 * with {@code inactive} for bracket legs waiting on their parent.
 */
public enum OrderStatus {
    /** Sent (or being sent) to the broker; no acknowledgement yet. Also the state of an unknown outcome. */
    PENDING_NEW,
    /** Bracket leg waiting for its parent to fill. */
    INACTIVE,
    WORKING,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED;

    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    public boolean isOpen() {
        return !isFinal();
    }

    /** Lower-case wire name used by the native API and events ({@code partially_filled}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

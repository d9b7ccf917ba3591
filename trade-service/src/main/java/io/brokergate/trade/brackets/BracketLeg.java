package io.brokergate.trade.brackets;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One exit of a bracket. {@code legId} is the leg's identity for clients and, once placed, the
 * client order id of its broker order ({@code orderId}).
 *
 * @param placedBy       the subject that placed the parent; the leg is placed on its behalf
 * @param credentialKind how that subject authenticated (API-key limits apply to its legs too)
 */
public record BracketLeg(String legId, String accountId, String tenantId, String parentClientOrderId,
                         String parentOrderId, LegRole role, InstrumentId instrument, Side side, OrderType type,
                         BigDecimal quantity, BigDecimal price, BigDecimal trailingAmount, LegState state, String orderId,
                         String message, String placedBy, CredentialKind credentialKind, Instant createdAt,
                         Instant updatedAt) {

    public static final String ID_PREFIX = "bkt-";

    public static boolean isLegId(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith(ID_PREFIX);
    }

    public BigDecimal limitPrice() {
        return type == OrderType.LIMIT ? price : null;
    }

    public BigDecimal stopPrice() {
        return type == OrderType.STOP ? price : null;
    }

    /**
     * The leg as an order while it is not a broker order: {@code inactive} while it waits for its
     * entry, {@code working} while armed at the gateway.
     */
    public Order asOrder() {
        OrderStatus status = switch (state) {
            case ARMED -> OrderStatus.WORKING;
            case FILLED -> OrderStatus.FILLED;
            case CANCELLED -> OrderStatus.CANCELLED;
            case REJECTED -> OrderStatus.REJECTED;
            default -> OrderStatus.INACTIVE;
        };
        return new Order(legId, legId, accountId, instrument, side, type, null, quantity, limitPrice(), stopPrice(), null,
                BigDecimal.ZERO, null, status, message, createdAt, updatedAt);
    }
}

package io.brokergate.core.order;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An order as the gateway knows it.
 *
 * @param orderId         the broker's order id (the gateway uses it as the order's identity)
 * @param clientOrderId   the caller's idempotency key, echoed back; null if the order was placed elsewhere
 * @param message         broker text for rejects and status changes, or null
 */
public record Order(
        String orderId,
        String clientOrderId,
        String accountId,
        InstrumentId instrument,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        LocalDate expireDate,
        BigDecimal filledQuantity,
        BigDecimal averageFillPrice,
        OrderStatus status,
        String message,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(quantity, "quantity");
        filledQuantity = filledQuantity == null ? BigDecimal.ZERO : filledQuantity;
    }

    public BigDecimal remainingQuantity() {
        return status.isFinal() ? BigDecimal.ZERO : quantity.subtract(filledQuantity).max(BigDecimal.ZERO);
    }

    public Order withStatus(OrderStatus newStatus, String newMessage, Instant at) {
        return new Order(orderId, clientOrderId, accountId, instrument, side, type, timeInForce, quantity,
                limitPrice, stopPrice, expireDate, filledQuantity, averageFillPrice, newStatus, newMessage, createdAt, at);
    }

    public Order withFill(BigDecimal newFilled, BigDecimal newAverage, OrderStatus newStatus, Instant at) {
        return new Order(orderId, clientOrderId, accountId, instrument, side, type, timeInForce, quantity,
                limitPrice, stopPrice, expireDate, newFilled, newAverage, newStatus, message, createdAt, at);
    }

    public Order withAmendment(BigDecimal newQuantity, BigDecimal newLimit, BigDecimal newStop, Instant at) {
        return new Order(orderId, clientOrderId, accountId, instrument, side, type, timeInForce, newQuantity,
                newLimit, newStop, expireDate, filledQuantity, averageFillPrice, status, message, createdAt, at);
    }

    /** The same order named by another account id (adapters use the broker's number, the gateway its own id). */
    public Order withAccountId(String newAccountId) {
        return newAccountId.equals(accountId) ? this : new Order(orderId, clientOrderId, newAccountId, instrument, side, type,
                timeInForce, quantity, limitPrice, stopPrice, expireDate, filledQuantity, averageFillPrice, status, message,
                createdAt, updatedAt);
    }
}

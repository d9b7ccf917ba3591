package io.brokergate.trade.orders;

import io.brokergate.core.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An order on the native API. {@code order_id} is null and {@code outcome} is {@code unknown}
 * while a timed-out place is being settled (status {@code pending_new}).
 */
public record OrderView(String orderId, String clientOrderId, String accountId, String symbol, String side, String type,
                        String timeInForce, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                        LocalDate expireDate, BigDecimal filledQuantity, BigDecimal averageFillPrice, String status,
                        String message, String outcome, Instant createdAt, Instant updatedAt) {

    public static OrderView of(Order o) {
        return new OrderView(o.orderId(), o.clientOrderId(), o.accountId(), o.instrument().symbol(), wire(o.side()),
                wire(o.type()), o.timeInForce() == null ? null : wire(o.timeInForce()), o.quantity(), o.limitPrice(),
                o.stopPrice(), o.expireDate(), o.filledQuantity(), o.averageFillPrice(), o.status().wireName(), o.message(),
                "known", o.createdAt(), o.updatedAt());
    }

    static OrderView unknownOutcome(String accountId, String clientOrderId) {
        return new OrderView(null, clientOrderId, accountId, null, null, null, null, null, null, null, null, null, null,
                "pending_new", "the broker did not confirm in time; the order is being looked up by client_order_id. "
                + "Send the same request again to learn the outcome; it will not be placed twice.", "unknown", null, null);
    }

    static OrderView of(PlaceResult r, String accountId) {
        return r.order() == null ? unknownOutcome(accountId, r.clientOrderId()) : of(r.order());
    }

    private static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

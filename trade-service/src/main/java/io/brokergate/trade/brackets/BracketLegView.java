package io.brokergate.trade.brackets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A bracket leg on the native API. {@code order_id} is the broker order once the leg is placed
 * (its client order id is {@code leg_id}).
 */
public record BracketLegView(String legId, String parentClientOrderId, String parentOrderId, String role, String state,
                             String symbol, String side, String type, BigDecimal quantity, BigDecimal limitPrice,
                             BigDecimal stopPrice, BigDecimal trailingAmount, String orderId, String message,
                             Instant createdAt, Instant updatedAt) {

    public static BracketLegView of(BracketLeg l) {
        return new BracketLegView(l.legId(), l.parentClientOrderId(), l.parentOrderId(), wire(l.role()), wire(l.state()),
                l.instrument().symbol(), wire(l.side()), wire(l.type()), l.quantity(), l.limitPrice(), l.stopPrice(),
                l.trailingAmount(), l.orderId(), l.message(), l.createdAt(), l.updatedAt());
    }

    private static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

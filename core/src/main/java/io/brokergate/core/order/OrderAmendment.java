package io.brokergate.core.order;

import java.math.BigDecimal;
import java.util.Objects;

/** A replace request: the new total quantity and prices (null keeps the current value). */
public record OrderAmendment(String accountId, String orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
    public OrderAmendment {
        Objects.requireNonNull(orderId, "orderId");
        if (quantity == null && limitPrice == null && stopPrice == null) {
            throw new IllegalArgumentException("an amendment must change quantity or a price");
        }
    }
}

package io.brokergate.trade.orders;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderRequest;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /v1/accounts/{id}/orders/{orderId}}: the new total quantity and/or prices; absent fields stay. */
@Schema(name = "ModifyOrder", example = "{\"quantity\": 200, \"limit_price\": 321.0}")
public record ModifyOrderBody(BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {

    public void validate() {
        if (quantity == null && limitPrice == null && stopPrice == null) {
            throw GatewayException.invalid("give at least one of quantity, limit_price, stop_price");
        }
        positive("quantity", quantity, OrderRequest.MAX_QUANTITY);
        positive("limit_price", limitPrice, OrderRequest.MAX_PRICE);
        positive("stop_price", stopPrice, OrderRequest.MAX_PRICE);
    }

    private static void positive(String field, BigDecimal v, BigDecimal max) {
        if (v != null && (v.signum() <= 0 || v.compareTo(max) > 0)) {
            throw GatewayException.invalid(field + " must be positive and at most " + max.toPlainString());
        }
    }
}

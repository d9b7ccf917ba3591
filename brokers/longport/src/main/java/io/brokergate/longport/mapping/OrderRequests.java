package io.brokergate.longport.mapping;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.rest.OutsideRTH;
import io.brokergate.longport.rest.ReplaceOrderRequest;
import io.brokergate.longport.rest.SubmitOrderRequest;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Builds LongPort request bodies from core requests, rejecting with {@code INVALID_REQUEST}
 * whatever LongPort cannot express before anything is sent. The caller's idempotency key travels
 * in {@code remark}, the only free-text field LongPort echoes in order queries and pushes.
 */
public final class OrderRequests {

    /** Trailing orders trigger a limit order this far from the trigger price: 0 = at the trigger. */
    private static final String TRAILING_LIMIT_OFFSET = "0";

    private OrderRequests() {
    }

    public static SubmitOrderRequest toWire(OrderRequest r) {
        Market market = r.instrument().market();
        String symbol = Symbols.toWire(r.instrument());
        io.brokergate.longport.rest.OrderType type = OrderTypes.toWire(r.type(), market, r.trailingPercent() != null);
        checkPriceFields(r);
        SubmitOrderRequest.Builder b = SubmitOrderRequest.builder(symbol, type, Sides.toWire(r.side()),
                Decimals.toWire(r.quantity()), TimesInForce.toWire(r.timeInForce()));
        if (r.type().needsLimitPrice()) {
            b.submittedPrice(Decimals.toWire(r.limitPrice()));
        }
        if (r.type().needsStopPrice()) {
            b.triggerPrice(Decimals.toWire(r.stopPrice()));
        }
        if (r.type() == OrderType.TRAILING_STOP) {
            b.trailingAmount(Decimals.toWire(r.trailingAmount()))
                    .trailingPercent(Decimals.toWire(r.trailingPercent()))
                    .limitOffset(TRAILING_LIMIT_OFFSET);
        }
        if (r.timeInForce() == TimeInForce.GOOD_TILL_DATE) {
            b.expireDate(r.expireDate().toString());
        }
        b.outsideRth(outsideRth(r, market));
        return b.remark(r.clientOrderId()).build();
    }

    /** PUT body; {@code currentQuantity} stands in when the amendment keeps the quantity (LongPort requires it). */
    public static ReplaceOrderRequest toWire(OrderAmendment a, BigDecimal currentQuantity) {
        BigDecimal quantity = a.quantity() != null ? a.quantity() : currentQuantity;
        if (quantity == null || quantity.signum() <= 0) {
            throw GatewayException.invalid("quantity must be positive");
        }
        checkPositive("limit_price", a.limitPrice());
        checkPositive("stop_price", a.stopPrice());
        return new ReplaceOrderRequest(a.orderId(), Decimals.toWire(quantity), Decimals.toWire(a.limitPrice()),
                Decimals.toWire(a.stopPrice()), null, null, null, null, null, null, null);
    }

    private static void checkPriceFields(OrderRequest r) {
        String type = r.type().name().toLowerCase(Locale.ROOT);
        if (r.stopPrice() != null && !r.type().needsStopPrice()) {
            throw GatewayException.invalid("stop_price is not allowed for " + type + " orders");
        }
        if ((r.trailingAmount() != null || r.trailingPercent() != null) && !r.type().isTrailing()) {
            throw GatewayException.invalid("trailing_amount/trailing_percent are only for trailing orders, not " + type);
        }
        checkPositive("trailing_amount", r.trailingAmount());
        checkPositive("trailing_percent", r.trailingPercent());
    }

    private static void checkPositive(String field, BigDecimal v) {
        if (v != null && v.signum() <= 0) {
            throw GatewayException.invalid(field + " must be positive");
        }
    }

    /** LongPort's extended-hours switch exists for US orders only; elsewhere it must stay unset. */
    private static OutsideRTH outsideRth(OrderRequest r, Market market) {
        if (market == Market.US) {
            return r.outsideRegularHours() ? OutsideRTH.ANY_TIME : OutsideRTH.RTH_ONLY;
        }
        if (r.outsideRegularHours()) {
            throw GatewayException.invalid("trading outside regular hours is only available for US orders");
        }
        return null;
    }
}

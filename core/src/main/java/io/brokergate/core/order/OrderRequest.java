package io.brokergate.core.order;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A new order as submitted to a broker. Construction validates what does not depend on the
 * instrument's reference data (that is, everything but lot and tick size).
 *
 * @param clientOrderId the gateway's idempotency key; adapters carry it in the broker's own field
 *                      ({@code remark}, {@code order_tag}, ...) so an unknown outcome can be looked up
 * @param trailingAmount absolute trail for trailing orders, or null
 * @param trailingPercent percentage trail for trailing orders, or null
 */
public record OrderRequest(
        String accountId,
        String clientOrderId,
        InstrumentId instrument,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        BigDecimal trailingAmount,
        BigDecimal trailingPercent,
        TimeInForce timeInForce,
        LocalDate expireDate,
        boolean outsideRegularHours) {

    /** Generous upper bound; brokers' own caps are lower, and 1e308 must never reach arithmetic. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    public static final BigDecimal MAX_PRICE = new BigDecimal("100000000");
    public static final int MAX_CLIENT_ORDER_ID_LENGTH = 64;

    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        timeInForce = timeInForce == null ? TimeInForce.DAY : timeInForce;
        requirePositive("quantity", quantity, MAX_QUANTITY);
        if (type.needsLimitPrice()) {
            requirePositive("limit_price", limitPrice, MAX_PRICE);
        } else if (limitPrice != null && type != OrderType.TRAILING_STOP_LIMIT) {
            throw invalid("limit_price is not allowed for " + type.name().toLowerCase(java.util.Locale.ROOT) + " orders");
        }
        if (type.needsStopPrice()) {
            requirePositive("stop_price", stopPrice, MAX_PRICE);
        }
        if (type.isTrailing() && (trailingAmount == null) == (trailingPercent == null)) {
            throw invalid("trailing orders need exactly one of trailing_amount and trailing_percent");
        }
        if (timeInForce == TimeInForce.GOOD_TILL_DATE && expireDate == null) {
            throw invalid("expire_date is required for good-till-date orders");
        }
        if (clientOrderId != null && (clientOrderId.isEmpty() || clientOrderId.length() > MAX_CLIENT_ORDER_ID_LENGTH)) {
            throw invalid("client_order_id must be 1 to " + MAX_CLIENT_ORDER_ID_LENGTH + " characters");
        }
    }

    private static void requirePositive(String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        if (value.signum() <= 0) {
            throw invalid(field + " must be positive");
        }
        if (value.compareTo(max) > 0) {
            throw invalid(field + " is larger than " + max.toPlainString());
        }
    }

    private static GatewayException invalid(String detail) {
        return new GatewayException(ErrorCode.INVALID_REQUEST, detail);
    }

    /** Price used for notional and cash checks: the limit, else the trigger, else null (market). */
    public BigDecimal referencePrice() {
        return limitPrice != null ? limitPrice : stopPrice;
    }
}

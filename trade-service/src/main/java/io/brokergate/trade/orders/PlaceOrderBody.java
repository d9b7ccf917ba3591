package io.brokergate.trade.orders;

import io.brokergate.core.error.GatewayException;
import io.brokergate.trade.brackets.BracketSpec;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/accounts/{id}/orders} body. Enums are lower-case words ({@code buy}, {@code stop_limit}). */
@Schema(name = "PlaceOrder", example = """
        {"client_order_id": "my-bot-000123", "symbol": "700.HK", "side": "buy", "type": "limit",
         "quantity": 100, "limit_price": 320.2, "time_in_force": "day", "take_profit": 340, "stop_loss": 300}""")
public record PlaceOrderBody(
        @Schema(description = "Idempotency key, 1–64 characters: the same key and body return the first result, the same key with another body is 409. Generated when absent (then not idempotent).")
        String clientOrderId,
        @Schema(description = "Canonical instrument id TICKER.MARKET", required = true) String symbol,
        @Schema(enumeration = {"buy", "sell"}, required = true) String side,
        @Schema(enumeration = {"market", "limit", "stop", "stop_limit", "market_if_touched", "limit_if_touched",
                "trailing_stop", "trailing_stop_limit", "enhanced_limit", "at_auction", "at_auction_limit"}, required = true)
        String type,
        @Schema(required = true) BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        BigDecimal trailingAmount,
        BigDecimal trailingPercent,
        @Schema(enumeration = {"day", "good_till_cancelled", "good_till_date", "immediate_or_cancel"}, defaultValue = "day")
        String timeInForce,
        @Schema(description = "ISO date, for good_till_date") String expireDate,
        boolean outsideRegularHours,
        @Schema(description = "Bracket exit: a limit order on the other side at this price, placed when this order fills")
        BigDecimal takeProfit,
        @Schema(description = "Bracket exit: a stop order on the other side at this price, placed when this order fills; "
                + "the exits cancel each other")
        BigDecimal stopLoss,
        @Schema(description = "Bracket exit instead of stop_loss: a trailing stop this far from the best price")
        BigDecimal trailingStop) {

    /** The exits requested with this order; empty for a plain order. */
    public BracketSpec brackets() {
        return new BracketSpec(takeProfit, stopLoss, trailingStop);
    }

    public OrderRequest toRequest(String accountId) {
        if (symbol == null || symbol.isBlank()) {
            throw GatewayException.invalid("symbol is required");
        }
        InstrumentId instrument;
        try {
            instrument = InstrumentId.parse(symbol.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid("symbol " + clip(symbol) + " is not TICKER.MARKET: " + e.getMessage());
        }
        String cid = clientOrderId == null ? OrderDesk.newClientOrderId() : clientOrderId;
        return new OrderRequest(accountId, cid, instrument, word(Side.class, "side", side, true),
                word(OrderType.class, "type", type, true), quantity, limitPrice, stopPrice, trailingAmount, trailingPercent,
                word(TimeInForce.class, "time_in_force", timeInForce, false), date(expireDate), outsideRegularHours);
    }

    static <E extends Enum<E>> E word(Class<E> type, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw GatewayException.invalid(field + " is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid(field + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not " + clip(value));
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw GatewayException.invalid("expire_date must be an ISO date (2026-12-31), not " + clip(value));
        }
    }

    /** Echoing hostile input back in full would let a client make our error bodies arbitrarily large. */
    static String clip(String s) {
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "…'";
    }
}

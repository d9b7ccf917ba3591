package io.brokergate.trade.tradingview;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The order fields of a TradingView place, modify, preview or order-info request
 * (PlaceModifyPreviewOrderCommon + PlacePreviewOrderCommon), checked with TradingView's field
 * names. Prices the order type does not use are ignored (TradingView sends 0 for them); the
 * {@code currentAsk}/{@code currentBid} the trader saw are kept for estimates only.
 */
record OrderTicket(InstrumentId instrument, BigDecimal qty, Side side, OrderType type, BigDecimal limitPrice,
                   BigDecimal stopPrice, TimeInForce duration, LocalDate expireDate, BigDecimal currentAsk,
                   BigDecimal currentBid, BracketFields brackets, String confirmId, String orderId) {

    static final Set<String> FIELDS = Set.of("instrument", "qty", "side", "type", "limitPrice", "stopPrice",
            "durationType", "durationDateTime", "currentAsk", "currentBid", "digitalSignature", "confirmId", "id",
            "stopLoss", "takeProfit", "trailingStopPips", "guaranteedStop");

    /** A new order (place, preview, order info): instrument, qty, side and type are required. */
    static OrderTicket newOrder(TradingViewForm form) {
        OrderType type = type(form.required("type"));
        return of(form, instrument(form.required("instrument")), quantity(form), side(form.required("side")), type);
    }

    private static OrderTicket of(TradingViewForm form, InstrumentId instrument, BigDecimal qty, Side side, OrderType type) {
        BigDecimal limit = type.needsLimitPrice() ? price(form, "limitPrice", true) : ignored(form, "limitPrice");
        BigDecimal stop = type.needsStopPrice() ? price(form, "stopPrice", true) : ignored(form, "stopPrice");
        TimeInForce duration = Durations.timeInForce(form.text("durationType"));
        LocalDate expires = duration == TimeInForce.GOOD_TILL_DATE ? expireDate(form, instrument) : null;
        return new OrderTicket(instrument, qty, side, type, limit, stop, duration, expires, price(form, "currentAsk", false),
                price(form, "currentBid", false), BracketFields.from(form), form.text("confirmId"), form.text("id"));
    }

    /**
     * A change of an existing order (modify, and the preview of one): qty is required; the instrument,
     * side, type and duration are the order's own (TradingView cannot change them); a price left out
     * stays as it is.
     */
    static OrderTicket modification(TradingViewForm form, Order order) {
        BigDecimal limit = order.type().needsLimitPrice() ? price(form, "limitPrice", false) : ignored(form, "limitPrice");
        BigDecimal stop = order.type().needsStopPrice() ? price(form, "stopPrice", false) : ignored(form, "stopPrice");
        return new OrderTicket(order.instrument(), quantity(form), order.side(), order.type(),
                limit == null ? order.limitPrice() : limit, stop == null ? order.stopPrice() : stop, order.timeInForce(),
                order.expireDate(), price(form, "currentAsk", false), price(form, "currentBid", false), BracketFields.from(form),
                form.text("confirmId"), order.orderId());
    }

    /** The order as the gateway places it, under the given idempotency key. */
    OrderRequest toRequest(String accountId, String clientOrderId) {
        return new OrderRequest(accountId, clientOrderId, instrument, side, type, qty, limitPrice, stopPrice, null, null,
                duration, expireDate, false);
    }

    /** What a confirmId vouches for: every field that changes the order, none of the prices merely seen. */
    String canonical() {
        return String.join("|", instrument.symbol(), side.name(), type.name(), plain(qty), plain(limitPrice),
                plain(stopPrice), String.valueOf(duration), String.valueOf(expireDate), plain(brackets.stopLoss()),
                plain(brackets.takeProfit()), plain(brackets.trailingStopPips()), plain(brackets.guaranteedStop()));
    }

    static BigDecimal quantity(TradingViewForm form) {
        BigDecimal qty = form.number("qty");
        if (qty == null) {
            throw GatewayException.invalid("qty is required");
        }
        if (qty.signum() <= 0) {
            throw GatewayException.invalid("qty must be positive");
        }
        if (qty.compareTo(OrderRequest.MAX_QUANTITY) > 0) {
            throw GatewayException.invalid("qty is larger than " + OrderRequest.MAX_QUANTITY.toPlainString());
        }
        return qty;
    }

    static BigDecimal price(TradingViewForm form, String field, boolean required) {
        BigDecimal v = form.number(field);
        if (v == null || v.signum() == 0) {
            if (required) {
                throw GatewayException.invalid(field + " is required for this order type");
            }
            return null;
        }
        if (v.signum() <= 0) {
            throw GatewayException.invalid(field + " must be positive");
        }
        if (v.compareTo(OrderRequest.MAX_PRICE) > 0) {
            throw GatewayException.invalid(field + " is larger than " + OrderRequest.MAX_PRICE.toPlainString());
        }
        return v;
    }

    /** Read (a malformed number is still an error) and dropped: the order type has no such price. */
    private static BigDecimal ignored(TradingViewForm form, String field) {
        form.number(field);
        return null;
    }

    static InstrumentId instrument(String symbol) {
        try {
            return InstrumentId.parse(symbol.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid("unknown instrument " + TradingViewForm.clip(symbol));
        }
    }

    static Side side(String side) {
        return switch (side.toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw GatewayException.invalid("side must be buy or sell, not " + TradingViewForm.clip(side));
        };
    }

    static OrderType type(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "market" -> OrderType.MARKET;
            case "limit" -> OrderType.LIMIT;
            case "stop" -> OrderType.STOP;
            case "stoplimit" -> OrderType.STOP_LIMIT;
            default -> throw GatewayException.invalid("type must be market, limit, stop or stoplimit, not "
                    + TradingViewForm.clip(type));
        };
    }

    /** durationDateTime is unix seconds; the order expires at the end of that day in the instrument's market. */
    private static LocalDate expireDate(TradingViewForm form, InstrumentId instrument) {
        BigDecimal at = form.number("durationDateTime");
        if (at == null || at.signum() <= 0) {
            throw GatewayException.invalid("durationDateTime is required for a good-till-date order");
        }
        LocalDate date = Instant.ofEpochSecond(at.longValue()).atZone(instrument.market().zone()).toLocalDate();
        if (date.isBefore(LocalDate.now(instrument.market().zone()))) {
            throw GatewayException.invalid("durationDateTime is in the past");
        }
        return date;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}

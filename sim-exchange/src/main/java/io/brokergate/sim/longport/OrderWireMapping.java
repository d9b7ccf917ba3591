package io.brokergate.sim.longport;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.rest.ExecutionJson;
import io.brokergate.longport.rest.OrderDetailJson;
import io.brokergate.longport.rest.OrderChangedJson;
import io.brokergate.longport.rest.OrderJson;
import io.brokergate.longport.rest.OrderSide;
import io.brokergate.longport.rest.OrderTag;
import io.brokergate.longport.rest.OutsideRTH;
import io.brokergate.longport.rest.ReplaceOrderRequest;
import io.brokergate.longport.rest.SubmitOrderRequest;
import io.brokergate.longport.rest.TriggerStatus;
import io.brokergate.sim.engine.OrderDetail;
import io.brokergate.sim.engine.OrderHistoryEntry;
import io.brokergate.sim.engine.TriggerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Translation between LongPort's order JSON and the core order model. Supported order types: LO
 * and ELO (limit), MO (market), LIT (stop-limit: limit order once the trigger is touched), MIT
 * (stop-market). TIF: Day, GTC and GTD (with expire_date). Everything else is refused with 602009 rather
 * than approximated.
 */
final class OrderWireMapping {

    /** LongPort's remark allows 255 characters; core's idempotency key allows fewer. */
    static final int MAX_REMARK_LENGTH = OrderRequest.MAX_CLIENT_ORDER_ID_LENGTH;

    private OrderWireMapping() {
    }

    // ------------------------------------------------------------------ requests

    static OrderRequest toOrderRequest(String accountNo, SubmitOrderRequest body) {
        InstrumentId id = symbol(body.symbol());
        String orderType = required("order_type", body.orderType());
        Side side = side(required("side", body.side()));
        BigDecimal quantity = wholeShares("submitted_quantity", required("submitted_quantity", body.submittedQuantity()));
        TimeInForce tif = timeInForce(required("time_in_force", body.timeInForce()));
        BigDecimal price = decimal("submitted_price", body.submittedPrice());
        BigDecimal trigger = decimal("trigger_price", body.triggerPrice());
        OrderType type;
        BigDecimal limit = null;
        BigDecimal stop = null;
        switch (orderType) {
            case "LO", "ELO" -> {
                type = OrderType.LIMIT;
                limit = requireValue("submitted_price", price, orderType);
            }
            case "MO" -> type = OrderType.MARKET; // a price sent with MO is meaningless and ignored
            case "LIT" -> {
                type = OrderType.STOP_LIMIT;
                limit = requireValue("submitted_price", price, orderType);
                stop = requireValue("trigger_price", trigger, orderType);
            }
            case "MIT" -> {
                type = OrderType.STOP;
                stop = requireValue("trigger_price", trigger, orderType);
            }
            default -> throw invalid("order_type " + orderType + " is not supported by the sim-exchange "
                    + "(supported: LO, ELO, MO, LIT, MIT)");
        }
        LocalDate expireDate = null;
        if (tif == TimeInForce.GOOD_TILL_DATE) {
            String d = required("expire_date", body.expireDate());
            try {
                expireDate = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw invalid("expire_date must be YYYY-MM-DD, not '" + abbreviate(d) + "'");
            }
        }
        String remark = body.remark() == null || body.remark().isEmpty() ? null : body.remark();
        if (remark != null && remark.length() > MAX_REMARK_LENGTH) {
            throw invalid("remark is longer than " + MAX_REMARK_LENGTH + " characters");
        }
        boolean outsideRth = OutsideRTH.ANY_TIME.wire().equals(body.outsideRth())
                || OutsideRTH.OVERNIGHT.wire().equals(body.outsideRth());
        try {
            return new OrderRequest(accountNo, remark, id, side, type, quantity, limit, stop, null, null, tif, expireDate,
                    outsideRth);
        } catch (GatewayException | IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    static OrderAmendment toAmendment(String accountNo, ReplaceOrderRequest body) {
        String orderId = required("order_id", body.orderId());
        BigDecimal quantity = wholeShares("quantity", required("quantity", body.quantity()));
        BigDecimal price = decimal("price", body.price());
        BigDecimal trigger = decimal("trigger_price", body.triggerPrice());
        return new OrderAmendment(accountNo, orderId, quantity, price, trigger);
    }

    static InstrumentId symbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw invalid("symbol is required");
        }
        try {
            return InstrumentId.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw RestFailure.badRequest(TradeErrorCode.UNKNOWN_SYMBOL, "unknown symbol " + symbol);
        }
    }

    static Side side(String wire) {
        return switch (OrderSide.fromWire(wire)) {
            case BUY -> Side.BUY;
            case SELL -> Side.SELL;
            default -> throw invalid("side must be Buy or Sell, not " + wire);
        };
    }

    private static TimeInForce timeInForce(String wire) {
        return switch (wire) {
            case "Day" -> TimeInForce.DAY;
            case "GTC" -> TimeInForce.GOOD_TILL_CANCELLED;
            case "GTD" -> TimeInForce.GOOD_TILL_DATE;
            default -> throw invalid("time_in_force must be Day, GTC or GTD, not " + wire);
        };
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static BigDecimal decimal(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.trim());
            if (d.signum() <= 0) {
                throw invalid(field + " must be positive");
            }
            if (d.compareTo(OrderRequest.MAX_PRICE) > 0) {
                throw invalid(field + " is too large");
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(field + " must be a decimal string, not '" + abbreviate(value) + "'");
        }
    }

    private static BigDecimal wholeShares(String field, String value) {
        BigDecimal d = decimal(field, value);
        if (d.stripTrailingZeros().scale() > 0) {
            throw invalid(field + " must be a whole number of shares");
        }
        return d;
    }

    private static BigDecimal requireValue(String field, BigDecimal value, String orderType) {
        if (value == null) {
            throw invalid(field + " is required for " + orderType + " orders");
        }
        return value;
    }

    static RestFailure invalid(String message) {
        return RestFailure.badRequest(TradeErrorCode.INVALID_PARAMETER, message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "…";
    }

    // ------------------------------------------------------------------ responses

    /** LongPort status of a core order. A cancel after a partial fill is PartialWithdrawal, as on LongPort. */
    static String status(Order o) {
        return status(o.status(), o.filledQuantity());
    }

    static String status(OrderStatus status, BigDecimal filled) {
        return switch (status) {
            case PENDING_NEW -> "WaitToNew";
            case INACTIVE -> "NotReported";
            case WORKING -> "NewStatus";
            case PARTIALLY_FILLED -> "PartialFilledStatus";
            case FILLED -> "FilledStatus";
            case CANCELLED -> filled != null && filled.signum() > 0 ? "PartialWithdrawal" : "CanceledStatus";
            case REJECTED -> "RejectedStatus";
            case EXPIRED -> "ExpiredStatus";
        };
    }

    /** Stop and stop-limit go out as MIT and LIT, the LongPort types they came in as. */
    static String orderType(OrderType type) {
        return switch (type) {
            case MARKET -> "MO";
            case STOP, MARKET_IF_TOUCHED -> "MIT";
            case STOP_LIMIT, LIMIT_IF_TOUCHED -> "LIT";
            case ENHANCED_LIMIT -> "ELO";
            case AT_AUCTION -> "AO";
            case AT_AUCTION_LIMIT -> "ALO";
            case TRAILING_STOP -> "TSMAMT";
            case TRAILING_STOP_LIMIT -> "TSLPAMT";
            case LIMIT -> "LO";
        };
    }

    static String timeInForce(TimeInForce tif) {
        return switch (tif == null ? TimeInForce.DAY : tif) {
            case GOOD_TILL_CANCELLED -> "GTC";
            case GOOD_TILL_DATE -> "GTD";
            default -> "Day";
        };
    }

    private static String tag(Order o) {
        return o.timeInForce() == TimeInForce.GOOD_TILL_CANCELLED ? OrderTag.LONG_TERM.wire() : OrderTag.NORMAL.wire();
    }

    private static String triggerStatus(OrderDetail d) {
        TriggerState t = d.trigger() == null ? TriggerState.NONE : d.trigger();
        return switch (t) {
            case NONE -> TriggerStatus.NOT_USED.wire();
            case WAITING -> TriggerStatus.ACTIVE.wire();
            case TRIGGERED -> TriggerStatus.RELEASED.wire();
        };
    }

    private static String executedPrice(Order o) {
        return o.averageFillPrice() == null || o.filledQuantity().signum() == 0 ? "0" : plain(o.averageFillPrice());
    }

    static OrderJson toOrderJson(OrderDetail d, Instrument instrument) {
        Order o = d.order();
        return new OrderJson(o.orderId(), status(o), name(o, instrument), plain(o.quantity()),
                plain(o.filledQuantity()), plain(o.limitPrice()), executedPrice(o), seconds(o.createdAt(), "0"),
                side(o.side()), o.instrument().symbol(), orderType(o.type()), plain(d.lastFillPrice()),
                plain(o.stopPrice()), o.message(), tag(o), timeInForce(o.timeInForce()),
                o.expireDate() == null ? "" : o.expireDate().toString(), seconds(o.updatedAt(), "0"),
                seconds(d.triggeredAt(), "0"), "", "", "", triggerStatus(d), currency(d, instrument),
                OutsideRTH.UNKNOWN.wire(), 0, 0, "", remark(d));
    }

    /** Every key of longport.md §4; last_share/last_price are the fill that caused this change, if any. */
    static OrderChangedJson toOrderChanged(String accountNo, OrderDetail d, Execution fill, Instrument instrument) {
        Order o = d.order();
        BigDecimal lastShare = fill != null ? fill.quantity() : d.lastFillQuantity();
        BigDecimal lastPrice = fill != null ? fill.price() : d.lastFillPrice();
        return new OrderChangedJson(side(o.side()), name(o, instrument), plain(o.quantity()), o.instrument().symbol(),
                orderType(o.type()), plain(o.limitPrice()), plain(o.filledQuantity()), executedPrice(o), o.orderId(),
                currency(d, instrument), status(o), seconds(o.createdAt(), "0"),
                seconds(o.updatedAt() != null ? o.updatedAt() : o.createdAt(), "0"), plain(o.stopPrice()),
                o.message(), tag(o), triggerStatus(d), seconds(d.triggeredAt(), "0"), "", "", "", accountNo,
                plain(lastShare), plain(lastPrice), remark(d));
    }

    /** Order detail: the order plus its history and fees (all fees are broker fees in the sim). */
    static OrderDetailJson toOrderDetailJson(OrderDetail d, Instrument instrument) {
        OrderJson json = toOrderJson(d, instrument);
        String currency = json.currency();
        List<OrderDetailJson.History> history = new ArrayList<>(d.history().size());
        for (OrderHistoryEntry h : d.history()) {
            history.add(new OrderDetailJson.History(plain(h.price()), plain(h.quantity()),
                    status(h.status(), d.order().filledQuantity()), h.message(), seconds(h.time(), "0")));
        }
        String fees = d.fees() == null ? "0" : plain(d.fees());
        List<OrderDetailJson.ChargeItem> items = d.fees() == null || d.fees().signum() == 0 ? List.of()
                : List.of(new OrderDetailJson.ChargeItem("BROKER_FEES", "Broker fees",
                List.of(new OrderDetailJson.ChargeFee("commission", "Commission", fees, currency))));
        return new OrderDetailJson(json, "None", "0", currency, "NONE", "0", currency, "NONE", "0", currency,
                history, new OrderDetailJson.ChargeDetail(fees, currency, items));
    }

    static ExecutionJson toExecutionJson(Execution e) {
        return new ExecutionJson(e.orderId(), e.executionId(), e.instrument().symbol(), seconds(e.time(), "0"),
                plain(e.quantity()), plain(e.price()));
    }

    private static String remark(OrderDetail d) {
        return d.remark() != null ? d.remark() : d.order().clientOrderId();
    }

    private static String side(Side side) {
        return side == Side.BUY ? OrderSide.BUY.wire() : OrderSide.SELL.wire();
    }

    private static String name(Order o, Instrument instrument) {
        return instrument == null ? o.instrument().symbol() : instrument.name();
    }

    private static String currency(OrderDetail d, Instrument instrument) {
        if (d.currency() != null) {
            return d.currency();
        }
        return instrument == null ? d.order().instrument().market().currency() : instrument.currency();
    }

    /** Plain decimal string without trailing zeros; "" for null (the SDK accepts "" for absent decimals). */
    static String plain(BigDecimal d) {
        if (d == null) {
            return "";
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static String seconds(Instant t, String absent) {
        return t == null ? absent : Long.toString(t.getEpochSecond());
    }
}

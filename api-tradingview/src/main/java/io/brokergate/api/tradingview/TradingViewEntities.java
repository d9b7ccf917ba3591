package io.brokergate.api.tradingview;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Core entities as TradingView Broker API entities (spec: Order, OrderHistory, Position,
 * NetPosition, IndividualPosition, StreamClosedPosition, AccountState, Execution, CryptoBalance).
 * The polling endpoints (trade-service) and the streams (stream-service) share these, so a
 * TradingView client sees one entity the same way on both. Only fields the core model can fill
 * are written; absent values are left out. A position's id is its instrument ({@code 700.HK}):
 * the core model has one position per instrument.
 */
public final class TradingViewEntities {

    private TradingViewEntities() {
    }

    /** Order, and OrderHistory for an order in a final status (its status is then rejected, filled or cancelled). */
    public static Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.orderId());
        m.put("instrument", o.instrument().symbol());
        m.put("qty", o.quantity());
        m.put("side", side(o.side()));
        m.put("type", type(o.type()));
        m.put("filledQty", o.filledQuantity());
        if (o.averageFillPrice() != null) {
            m.put("avgPrice", o.averageFillPrice());
        }
        if (o.limitPrice() != null) {
            m.put("limitPrice", o.limitPrice());
        }
        if (o.stopPrice() != null) {
            m.put("stopPrice", o.stopPrice());
        }
        if (o.updatedAt() != null) {
            m.put("lastModified", o.updatedAt().getEpochSecond());
        }
        m.put("status", status(o));
        if (o.status() == OrderStatus.REJECTED && o.message() != null && !o.message().isBlank()) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("text", o.message());
            message.put("type", "error");
            m.put("message", message);
        }
        return m;
    }

    /** TradingView's four order types; the broker-specific variants show as the one they behave like. */
    public static String type(OrderType type) {
        return switch (type) {
            case LIMIT, ENHANCED_LIMIT, AT_AUCTION_LIMIT -> "limit";
            case STOP, MARKET_IF_TOUCHED, TRAILING_STOP -> "stop";
            case STOP_LIMIT, LIMIT_IF_TOUCHED, TRAILING_STOP_LIMIT -> "stoplimit";
            case MARKET, AT_AUCTION -> "market";
        };
    }

    /** TradingView's six statuses: partially filled orders are working, expired ones cancelled. */
    public static String status(Order o) {
        return switch (o.status()) {
            case PENDING_NEW -> "placing";
            case INACTIVE -> "inactive";
            case WORKING, PARTIALLY_FILLED -> "working";
            case FILLED -> "filled";
            case CANCELLED, EXPIRED -> "cancelled";
            case REJECTED -> "rejected";
        };
    }

    public static String side(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    /** TradingView's symbol type; 1.4 has no "fund" or (before 1.4.27) "option". */
    public static String symbolType(InstrumentType type) {
        return switch (type) {
            case STOCK, ETF, FUND -> "stock";
            case INDEX -> "index";
            case WARRANT -> "warrant";
            case OPTION -> "structured";
            case FUTURE -> "futures";
            case BOND -> "bond";
        };
    }

    /** An open position, or {@code {"id":…,"qty":0}} with no other fields for a flat one. */
    public static Map<String, Object> position(Position p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.instrument().symbol());
        if (p.isFlat()) {
            m.put("qty", 0);
            return m;
        }
        m.put("instrument", p.instrument().symbol());
        m.put("qty", p.quantity().abs());
        m.put("side", p.quantity().signum() < 0 ? "sell" : "buy");
        m.put("avgPrice", p.averageCost() == null ? BigDecimal.ZERO : p.averageCost());
        if (p.unrealizedPnl() != null) {
            m.put("unrealizedPl", p.unrealizedPnl());
        }
        return m;
    }

    /**
     * A net position ({@code /netPositions}): {@code qty} the absolute net quantity with its
     * {@code side}, {@code longQty}/{@code shortQty} the legs (one instrument nets to one of them),
     * or {@code {"id":…,"qty":0}} for a flat one.
     */
    public static Map<String, Object> netPosition(Position p) {
        Map<String, Object> m = position(p);
        if (p.isFlat()) {
            return m;
        }
        boolean shortSide = p.quantity().signum() < 0;
        m.put("longQty", shortSide ? BigDecimal.ZERO : p.quantity());
        m.put("shortQty", shortSide ? p.quantity().negate() : BigDecimal.ZERO);
        return m;
    }

    /**
     * An individual position ({@code /individualPositions}). The core model has one position per
     * instrument, so each instrument's position is one individual position: {@code price} its
     * average cost, {@code date} (ms, as a string) when it was first seen open.
     *
     * @param openedAt when the position was first seen open; null means now
     */
    public static Map<String, Object> individualPosition(Position p, Instant openedAt) {
        Map<String, Object> m = position(p);
        if (p.isFlat()) {
            return m;
        }
        m.put("price", m.remove("avgPrice"));
        m.put("date", String.valueOf((openedAt == null ? Instant.now() : openedAt).toEpochMilli()));
        return m;
    }

    /**
     * AccountState from the account's balances: the first balance (the account currency) gives
     * balance = cash, unrealizedPl, equity = net assets. No balances yet → zeros.
     */
    public static Map<String, Object> state(List<Balance> balances) {
        Map<String, Object> m = new LinkedHashMap<>();
        Balance b = balances == null || balances.isEmpty() ? null : balances.get(0);
        m.put("balance", b == null || b.cash() == null ? BigDecimal.ZERO : b.cash());
        m.put("unrealizedPl", b == null || b.unrealizedPnl() == null ? BigDecimal.ZERO : b.unrealizedPnl());
        if (b != null && b.netAssets() != null) {
            m.put("equity", b.netAssets());
        }
        return m;
    }

    /**
     * An execution. {@code isClose} says whether the fill reduced a position; the core model does
     * not record it, so the caller decides (a stock account without short selling closes only by selling).
     */
    public static Map<String, Object> execution(Execution e, boolean isClose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.executionId());
        m.put("instrument", e.instrument().symbol());
        m.put("price", e.price());
        m.put("time", e.time().getEpochSecond());
        m.put("qty", e.quantity());
        m.put("side", side(e.side()));
        m.put("orderId", e.orderId());
        m.put("isClose", isClose);
        if (e.fee() != null) {
            m.put("commission", e.fee());
        }
        return m;
    }

    /** A currency balance as CryptoBalance, the only balance entity the Broker API has ({@code /balances}). */
    public static Map<String, Object> balance(Balance b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", b.currency());
        m.put("total", b.cash() == null ? BigDecimal.ZERO : b.cash());
        m.put("available", b.availableCash() == null ? BigDecimal.ZERO : b.availableCash());
        if (b.frozenCash() != null) {
            m.put("reserved", b.frozenCash());
        }
        if (b.netAssets() != null) {
            m.put("value", b.netAssets());
            m.put("valueCurrency", b.currency());
        }
        return m;
    }
}

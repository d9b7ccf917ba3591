package io.brokergate.stream.tradingview;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.order.Order;
import io.brokergate.stream.fanout.TrackedPosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Core entities as TradingView Broker API entities (spec: Order, Position, StreamClosedPosition,
 * AccountState). Only fields the core model can fill are written; absent values are left out.
 */
final class TradingViewEntities {

    private TradingViewEntities() {
    }

    static Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.orderId());
        m.put("instrument", o.instrument().symbol());
        m.put("qty", o.quantity());
        m.put("side", o.side().name().toLowerCase(java.util.Locale.ROOT));
        m.put("type", type(o));
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
        m.put("status", status(o));
        return m;
    }

    static String type(Order o) {
        return switch (o.type()) {
            case LIMIT, ENHANCED_LIMIT, AT_AUCTION_LIMIT -> "limit";
            case STOP, MARKET_IF_TOUCHED, TRAILING_STOP -> "stop";
            case STOP_LIMIT, LIMIT_IF_TOUCHED, TRAILING_STOP_LIMIT -> "stoplimit";
            case MARKET, AT_AUCTION -> "market";
        };
    }

    static String status(Order o) {
        return switch (o.status()) {
            case PENDING_NEW -> "placing";
            case INACTIVE -> "inactive";
            case WORKING, PARTIALLY_FILLED -> "working";
            case FILLED -> "filled";
            case CANCELLED, EXPIRED -> "cancelled";
            case REJECTED -> "rejected";
        };
    }

    /** An open position, or {@code {"id":…,"qty":0}} with no other fields for a flat one. */
    static Map<String, Object> position(Position p) {
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
    static Map<String, Object> netPosition(Position p) {
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
     * average cost, {@code date} (ms, as a string) when the hub first saw it open.
     */
    static Map<String, Object> individualPosition(TrackedPosition tracked) {
        Position p = tracked.position();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.instrument().symbol());
        if (p.isFlat()) {
            m.put("qty", 0);
            return m;
        }
        m.put("instrument", p.instrument().symbol());
        m.put("qty", p.quantity().abs());
        m.put("side", p.quantity().signum() < 0 ? "sell" : "buy");
        m.put("price", p.averageCost() == null ? BigDecimal.ZERO : p.averageCost());
        m.put("date", String.valueOf((tracked.openedAt() == null ? Instant.now() : tracked.openedAt()).toEpochMilli()));
        if (p.unrealizedPnl() != null) {
            m.put("unrealizedPl", p.unrealizedPnl());
        }
        return m;
    }

    /**
     * AccountState from the account's balances: the first balance (the account currency) gives
     * balance = cash, unrealizedPl, equity = net assets. No balances yet → zeros.
     */
    static Map<String, Object> state(List<Balance> balances) {
        Map<String, Object> m = new LinkedHashMap<>();
        Balance b = balances == null || balances.isEmpty() ? null : balances.get(0);
        m.put("balance", b == null || b.cash() == null ? BigDecimal.ZERO : b.cash());
        m.put("unrealizedPl", b == null || b.unrealizedPnl() == null ? BigDecimal.ZERO : b.unrealizedPnl());
        if (b != null && b.netAssets() != null) {
            m.put("equity", b.netAssets());
        }
        return m;
    }
}

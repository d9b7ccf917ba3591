package io.brokergate.stream.tradingview;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.order.Order;
import java.math.BigDecimal;
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

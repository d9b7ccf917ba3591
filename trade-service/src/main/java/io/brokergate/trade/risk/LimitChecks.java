package io.brokergate.trade.risk;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The limits that need no counting: allow-lists, trading window, quantity and notional. Pure
 * functions of one scope's limits and the order; they read immutable data and take no lock.
 */
final class LimitChecks {

    private LimitChecks() {
    }

    /** Throws RISK_REJECTED naming the first limit of {@code scoped} the order breaks. */
    static void check(ScopeLimits scoped, OrderRequest order, BigDecimal price, Instant now) {
        RiskLimits limits = scoped.limits();
        RiskScope scope = scoped.scope();
        InstrumentId instrument = order.instrument();
        if (!limits.markets().isEmpty() && !limits.markets().contains(instrument.market())) {
            throw RiskRejections.rejected("markets", scope, "market " + instrument.market() + " is not allowed (allowed: "
                    + limits.markets().stream().map(Market::name).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (!limits.symbols().isEmpty() && !limits.symbols().contains(instrument)) {
            throw RiskRejections.rejected("symbols", scope, instrument.symbol() + " is not on the allow-list");
        }
        TradingWindow window = limits.tradingWindow();
        if (window != null && !window.contains(now)) {
            throw RiskRejections.rejected("trading_window", scope, "orders are accepted " + window.describe() + " only");
        }
        BigDecimal maxQuantity = limits.maxQuantity();
        if (maxQuantity != null && order.quantity().compareTo(maxQuantity) > 0) {
            throw RiskRejections.rejected("max_quantity", scope, RiskRejections.amount(order.quantity()) + " exceeds "
                    + RiskRejections.amount(maxQuantity));
        }
        if (!limits.maxNotional().isEmpty()) {
            checkNotional(scope, limits.maxNotional(), order, price);
        }
    }

    private static void checkNotional(RiskScope scope, Map<String, BigDecimal> maxNotional, OrderRequest order, BigDecimal price) {
        String currency = order.instrument().market().currency();
        BigDecimal max = maxNotional.get(currency);
        if (max == null) {
            throw RiskRejections.rejected("max_notional", scope, "no limit is set for " + currency + ", so "
                    + order.instrument().symbol() + " cannot be traded here");
        }
        if (price == null) {
            throw RiskRejections.rejected("max_notional", scope, "the order has no price to value it by (a market order"
                    + " without a known last price); send a limit order");
        }
        BigDecimal notional = order.quantity().multiply(price);
        if (notional.compareTo(max) > 0) {
            throw RiskRejections.rejected("max_notional", scope, RiskRejections.amount(notional) + " " + currency + " exceeds "
                    + RiskRejections.amount(max) + " " + currency);
        }
    }
}

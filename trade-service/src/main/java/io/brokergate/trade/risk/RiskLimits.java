package io.brokergate.trade.risk;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The limits of one scope. A null or empty member means "no limit of that kind".
 *
 * @param maxQuantity  largest quantity of one order
 * @param maxNotional  largest quantity × price of one order, per trading currency (the instrument's
 *                     market currency, e.g. HKD for 700.HK). There are no FX rates in the gateway, so
 *                     an order in a currency without an entry is rejected once any entry exists.
 * @param symbols      allow-list of instruments; empty = any
 * @param markets      allow-list of markets; empty = any
 */
public record RiskLimits(
        OrderRate orderRate,
        DailyOrders dailyOrders,
        BigDecimal maxQuantity,
        Map<String, BigDecimal> maxNotional,
        Set<InstrumentId> symbols,
        Set<Market> markets,
        TradingWindow tradingWindow) {

    public static final RiskLimits NONE = new RiskLimits(null, null, null, Map.of(), Set.of(), Set.of(), null);

    public RiskLimits {
        maxNotional = maxNotional == null ? Map.of() : Map.copyOf(maxNotional);
        symbols = symbols == null ? Set.of() : Set.copyOf(symbols);
        markets = markets == null || markets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(markets));
    }

    /** True when orders must be counted for this scope (rate or daily limit). */
    public boolean counts() {
        return orderRate != null || dailyOrders != null;
    }
}

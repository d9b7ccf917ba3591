package io.brokergate.trade.preview;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.Side;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The configured fees ({@link FeeSettings}) an order would pay, estimated from its value and quantity. */
@ApplicationScoped
public class FeeSchedule {

    private final Map<Market.Region, Map<String, FeeSettings.Rule>> rules = new java.util.EnumMap<>(Market.Region.class);

    public FeeSchedule(FeeSettings settings) {
        settings.markets().forEach((region, fees) -> rules.put(Market.Region.valueOf(region.toUpperCase(Locale.ROOT)),
                new TreeMap<>(fees.rules())));
    }

    /** Whether a schedule is configured for the market; without one a preview cannot estimate fees. */
    public boolean covers(Market market) {
        return rules.containsKey(market.region());
    }

    public List<Fee> fees(Market market, Side side, BigDecimal quantity, BigDecimal notional) {
        List<Fee> out = new ArrayList<>();
        rules.getOrDefault(market.region(), Map.of()).forEach((name, rule) -> {
            if (applies(rule.appliesTo(), side)) {
                out.add(new Fee(name, rule.label(), amount(rule, quantity, notional)));
            }
        });
        return out;
    }

    static BigDecimal amount(FeeSettings.Rule rule, BigDecimal quantity, BigDecimal notional) {
        BigDecimal fee = BigDecimal.ZERO;
        if (rule.rate().isPresent()) {
            fee = fee.add(notional.multiply(rule.rate().get()));
        }
        if (rule.perShare().isPresent()) {
            fee = fee.add(quantity.multiply(rule.perShare().get()));
        }
        if (rule.perOrder().isPresent()) {
            fee = fee.add(rule.perOrder().get());
        }
        if (rule.minimum().isPresent()) {
            fee = fee.max(rule.minimum().get());
        }
        if (rule.maximum().isPresent()) {
            fee = fee.min(rule.maximum().get());
        }
        return fee.setScale(rule.decimals(), rule.rounding());
    }

    private static boolean applies(FeeSettings.AppliesTo appliesTo, Side side) {
        return switch (appliesTo) {
            case BOTH -> true;
            case BUY -> side == Side.BUY;
            case SELL -> side == Side.SELL;
        };
    }
}

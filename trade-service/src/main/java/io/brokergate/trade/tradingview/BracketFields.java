package io.brokergate.trade.tradingview;

import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The bracket fields of a TradingView order or position request: stop-loss and take-profit
 * prices, a trailing stop distance in pips, a guaranteed stop price. TradingView sends 0 for a
 * bracket the trader did not set, so zero means absent.
 */
public record BracketFields(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailingStopPips, BigDecimal guaranteedStop) {

    static final Set<String> FIELDS = Set.of("stopLoss", "takeProfit", "trailingStopPips", "guaranteedStop");

    static BracketFields from(TradingViewForm form) {
        return new BracketFields(price(form, "stopLoss"), price(form, "takeProfit"), price(form, "trailingStopPips"),
                price(form, "guaranteedStop"));
    }

    private static BigDecimal price(TradingViewForm form, String field) {
        BigDecimal v = form.number(field);
        if (v != null && v.signum() < 0) {
            throw GatewayException.invalid(field + " must not be negative");
        }
        return v == null || v.signum() == 0 ? null : v;
    }

    public boolean isEmpty() {
        return stopLoss == null && takeProfit == null && trailingStopPips == null && guaranteedStop == null;
    }
}

package io.brokergate.trade.brackets;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;

/**
 * The exits requested with an entry order: a take-profit limit price, and a stop-loss stop price or
 * a trailing distance (a trailing stop replaces the fixed one). Prices are absolute.
 */
public record BracketSpec(BigDecimal takeProfit, BigDecimal stopLoss, BigDecimal trailingAmount) {

    public static final BracketSpec NONE = new BracketSpec(null, null, null);

    public boolean isEmpty() {
        return takeProfit == null && stopLoss == null && trailingAmount == null;
    }

    /**
     * Checks the exits against the entry: positive, finite, one kind of stop, and on the profitable
     * and protective sides of the entry price (above and below it for a buy, the reverse for a sell).
     */
    public void validateAgainst(OrderRequest entry) {
        positive("take_profit", takeProfit);
        positive("stop_loss", stopLoss);
        positive("trailing_amount", trailingAmount);
        if (stopLoss != null && trailingAmount != null) {
            throw GatewayException.invalid("give stop_loss or a trailing stop, not both");
        }
        BigDecimal reference = entry.limitPrice() != null ? entry.limitPrice() : entry.stopPrice();
        boolean buy = entry.side() == Side.BUY;
        if (takeProfit != null && stopLoss != null && (buy ? takeProfit.compareTo(stopLoss) <= 0 : takeProfit.compareTo(stopLoss) >= 0)) {
            throw GatewayException.invalid("take_profit must be " + (buy ? "above" : "below") + " stop_loss for a "
                    + (buy ? "buy" : "sell"));
        }
        if (reference == null) {
            return; // a market entry: the fill price decides, the broker checks the exits when they are placed
        }
        if (takeProfit != null && (buy ? takeProfit.compareTo(reference) <= 0 : takeProfit.compareTo(reference) >= 0)) {
            throw GatewayException.invalid("take_profit must be " + (buy ? "above" : "below") + " the entry price "
                    + reference.toPlainString());
        }
        if (stopLoss != null && (buy ? stopLoss.compareTo(reference) >= 0 : stopLoss.compareTo(reference) <= 0)) {
            throw GatewayException.invalid("stop_loss must be " + (buy ? "below" : "above") + " the entry price "
                    + reference.toPlainString());
        }
    }

    private static void positive(String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw GatewayException.invalid(field + " must be greater than zero");
        }
    }
}

package io.brokergate.trade.preview;

import io.brokergate.core.order.OrderRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an order would cost, before it is sent. Amounts are in {@code currency} (the instrument's);
 * {@code buyingPower} is in {@code buyingPowerCurrency}, which may differ. Null means unknown.
 *
 * @param price         the price the estimate uses: the limit, else the stop, else the current ask (buy) or bid (sell)
 * @param priceSource   {@code limit}, {@code stop}, {@code ask}, {@code bid}, {@code last}, or null without a price
 * @param maxQuantity   the broker's own estimate of the largest quantity the account can trade, or null
 */
public record OrderPreview(OrderRequest order, String currency, BigDecimal price, String priceSource,
                           BigDecimal estimatedCost, List<Fee> fees, BigDecimal totalFees, BigDecimal estimatedTotal,
                           BigDecimal buyingPower, String buyingPowerCurrency, BigDecimal maxQuantity,
                           List<PreviewWarning> warnings) {

    public boolean blocked() {
        return warnings.stream().anyMatch(PreviewWarning::blocking);
    }
}

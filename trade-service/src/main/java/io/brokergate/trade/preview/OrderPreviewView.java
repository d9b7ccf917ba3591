package io.brokergate.trade.preview;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** {@code POST /v1/accounts/{id}/orders/preview}: an order's estimate on the native API (snake_case). */
public record OrderPreviewView(String symbol, String side, String type, BigDecimal quantity, String currency, BigDecimal price,
                               String priceSource, BigDecimal estimatedCost, List<FeeView> fees, BigDecimal totalFees,
                               BigDecimal estimatedTotal, BigDecimal buyingPower, String buyingPowerCurrency,
                               BigDecimal maxQuantity, List<PreviewWarning> warnings, boolean placeable) {

    public record FeeView(String name, String label, BigDecimal amount) {
    }

    static OrderPreviewView of(OrderPreview p) {
        return new OrderPreviewView(p.order().instrument().symbol(), lower(p.order().side()), lower(p.order().type()),
                p.order().quantity(), p.currency(), p.price(), p.priceSource(), p.estimatedCost(),
                p.fees().stream().map(f -> new FeeView(f.name(), f.label(), f.amount())).toList(), p.totalFees(),
                p.estimatedTotal(), p.buyingPower(), p.buyingPowerCurrency(), p.maxQuantity(), p.warnings(), !p.blocked());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

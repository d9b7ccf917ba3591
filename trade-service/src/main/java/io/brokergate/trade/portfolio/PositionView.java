package io.brokergate.trade.portfolio;

import io.brokergate.core.account.Position;
import java.math.BigDecimal;

/** A holding on the native API; {@code quantity} is negative for a short position. */
public record PositionView(String symbol, BigDecimal quantity, BigDecimal availableQuantity, BigDecimal averageCost,
                           BigDecimal lastPrice, BigDecimal unrealizedPnl, BigDecimal realizedPnl, String currency) {

    static PositionView of(Position p) {
        return new PositionView(p.instrument().symbol(), p.quantity(), p.availableQuantity(), p.averageCost(),
                p.lastPrice(), p.unrealizedPnl(), p.realizedPnl(), p.currency());
    }
}

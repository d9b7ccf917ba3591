package io.brokergate.quote.api;

import io.brokergate.core.market.DepthLevel;
import java.math.BigDecimal;

/** One price level; {@code orders} is 0 when the broker does not say. */
public record LevelView(BigDecimal price, BigDecimal quantity, int orders) {

    public static LevelView of(DepthLevel l) {
        return new LevelView(l.price(), l.quantity(), l.orderCount());
    }
}

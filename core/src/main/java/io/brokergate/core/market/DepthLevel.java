package io.brokergate.core.market;

import java.math.BigDecimal;

/** One price level of an order book; {@code orderCount} is 0 when the broker does not say. */
public record DepthLevel(BigDecimal price, BigDecimal quantity, int orderCount) {
}

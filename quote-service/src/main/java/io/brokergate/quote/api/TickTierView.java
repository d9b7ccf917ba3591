package io.brokergate.quote.api;

import java.math.BigDecimal;

/** From price {@code from} upwards the minimum price increment is {@code tick}. */
public record TickTierView(BigDecimal from, BigDecimal tick) {
}

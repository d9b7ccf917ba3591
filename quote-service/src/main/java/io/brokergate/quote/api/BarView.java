package io.brokergate.quote.api;

import io.brokergate.core.market.Bar;
import java.math.BigDecimal;
import java.time.Instant;

/** One candle; {@code time} is its open time (00:00 UTC of the trading day for D, W and M). */
public record BarView(Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume,
                      BigDecimal turnover) {

    public static BarView of(Bar b) {
        return new BarView(b.openTime(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.turnover());
    }
}

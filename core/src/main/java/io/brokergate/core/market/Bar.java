package io.brokergate.core.market;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;

/** An OHLCV candle; {@code openTime} is the start of its period. */
public record Bar(
        InstrumentId instrument,
        BarPeriod period,
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        long volume,
        BigDecimal turnover) {
}

package io.brokergate.core.market;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Level-1 snapshot. Fields a broker does not provide are null (never zero), so consumers can tell
 * "unknown" from "zero"; {@code volume} and {@code turnover} are cumulative for the trading day.
 */
public record Quote(
        InstrumentId instrument,
        BigDecimal last,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal prevClose,
        BigDecimal bid,
        BigDecimal bidSize,
        BigDecimal ask,
        BigDecimal askSize,
        long volume,
        BigDecimal turnover,
        TradingPhase phase,
        Instant timestamp) {

    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timestamp, "timestamp");
        phase = phase == null ? TradingPhase.NORMAL : phase;
    }

    /** Change against the previous close, or null when either side is unknown. */
    public BigDecimal change() {
        return last == null || prevClose == null ? null : last.subtract(prevClose);
    }
}

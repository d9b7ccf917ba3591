package io.brokergate.sim.market;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import java.time.Instant;

/**
 * An OHLCV bar in engine units (prices and turnover in 1e-4, volume in shares); converted to a core
 * {@link Bar} only when it leaves the engine.
 *
 * @param openTime start of the bar's period, epoch milliseconds
 */
public record Candle(long openTime, long open, long high, long low, long close, long volume, long turnover) {

    /** This bar extended by a later one of the same bucket. */
    public Candle merge(Candle later) {
        return new Candle(openTime, open, Math.max(high, later.high), Math.min(low, later.low), later.close,
                volume + later.volume, turnover + later.turnover);
    }

    /** The same values under another bucket start (a minute bar becoming the first part of a 5-minute bar). */
    public Candle rebucket(long bucketStart) {
        return bucketStart == openTime ? this : new Candle(bucketStart, open, high, low, close, volume, turnover);
    }

    public Bar toBar(InstrumentId instrument, BarPeriod period) {
        return new Bar(instrument, period, Instant.ofEpochMilli(openTime), FixedPoint.toDecimal(open),
                FixedPoint.toDecimal(high), FixedPoint.toDecimal(low), FixedPoint.toDecimal(close), volume,
                FixedPoint.toDecimal(turnover));
    }
}

package io.brokergate.sim.market;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.TradeTick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the listed markets have traded, as the gateway's core types: the tape's recent prints and
 * candles from generated history and live trading. Engine thread only.
 */
public final class MarketHistory {

    private final Listing listing;

    public MarketHistory(Listing listing) {
        this.listing = listing;
    }

    /** The most recent prints, oldest first. */
    public List<TradeTick> recentTrades(InstrumentId id, int count) {
        return listing.require(id).recentTrades(count);
    }

    /** Bars with {@code from <= openTime < to}; nulls mean unbounded. */
    public List<Bar> candles(InstrumentId id, BarPeriod period, Instant from, Instant to) {
        InstrumentMarket m = listing.require(id);
        return toBars(id, period, m.candles(period, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                to == null ? Long.MAX_VALUE : to.toEpochMilli()));
    }

    /** The latest {@code count} bars opening before {@code before} (null = now, including the bar in progress). */
    public List<Bar> candlesBefore(InstrumentId id, BarPeriod period, Instant before, int count) {
        return toBars(id, period, listing.require(id).candlesBefore(period,
                before == null ? Long.MAX_VALUE : before.toEpochMilli(), count));
    }

    /** The earliest {@code count} bars opening at or after {@code from}. */
    public List<Bar> candlesFrom(InstrumentId id, BarPeriod period, Instant from, int count) {
        return toBars(id, period, listing.require(id).candlesFrom(period, from.toEpochMilli(), count));
    }

    private static List<Bar> toBars(InstrumentId id, BarPeriod period, List<Candle> candles) {
        List<Bar> bars = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            bars.add(c.toBar(id, period));
        }
        return bars;
    }
}

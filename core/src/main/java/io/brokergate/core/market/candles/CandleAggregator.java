package io.brokergate.core.market.candles;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.TradeTick;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the bars of one instrument and one period from trades and from finer bars, with the same
 * bucket rules ({@link BarBuckets}) and the same merge rule either way, so bars built live from a
 * trade stream equal bars aggregated later from 1-minute history: open = first, high = max,
 * low = min, close = last, volume and turnover summed (turnover is null when any part lacks it).
 *
 * <p>Input must arrive in time order of buckets: input for a bucket older than the current one is
 * ignored, because a bar never changes once it has closed. A bucket closes when input for a later
 * bucket arrives; {@link #add} then returns the closed bar. Not thread-safe: confine an instance
 * to one thread or guard it.
 */
public final class CandleAggregator {

    private final InstrumentId instrument;
    private final BarPeriod period;
    private final ZoneId zone;

    private boolean open;
    private long key;
    private LocalDate firstDay;
    private Instant stamp;
    private BigDecimal openPrice;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private long volume;
    private BigDecimal turnover;
    private boolean turnoverKnown;
    private long ignored;

    public CandleAggregator(InstrumentId instrument, BarPeriod period) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.period = Objects.requireNonNull(period, "period");
        this.zone = instrument.market().zone();
    }

    /** Bars of {@code target} from finer bars, in one pass; the last bar may still be open. */
    public static List<Bar> aggregate(InstrumentId instrument, BarPeriod target, List<Bar> finer) {
        List<Bar> sorted = new ArrayList<>(finer);
        sorted.sort(Comparator.comparing(Bar::openTime));
        CandleAggregator a = new CandleAggregator(instrument, target);
        List<Bar> out = new ArrayList<>();
        for (Bar b : sorted) {
            a.add(b).ifPresent(out::add);
        }
        a.current().ifPresent(out::add);
        return out;
    }

    public BarPeriod period() {
        return period;
    }

    /** Folds one trade in; returns the bar it closed when it is the first trade of a later bucket. */
    public Optional<Bar> add(TradeTick trade) {
        if (!instrument.equals(trade.instrument())) {
            throw new IllegalArgumentException("trade of " + trade.instrument() + " fed to the " + instrument + " aggregator");
        }
        BigDecimal price = trade.price();
        BigDecimal qty = trade.quantity() == null ? BigDecimal.ZERO : trade.quantity();
        LocalDate day = BarBuckets.tradingDay(trade.timestamp(), zone);
        return fold(keyOf(trade.timestamp(), day), day, price, price, price, price,
                qty.longValue(), price.multiply(qty));
    }

    /**
     * Folds a finer (or same-period) bar in; see {@link BarBuckets#fitsInto} for which periods fit.
     * Returns the bar it closed when it belongs to a later bucket.
     */
    public Optional<Bar> add(Bar finer) {
        if (!instrument.equals(finer.instrument())) {
            throw new IllegalArgumentException("bar of " + finer.instrument() + " fed to the " + instrument + " aggregator");
        }
        if (!BarBuckets.fitsInto(finer.period(), period)) {
            throw new IllegalArgumentException(finer.period() + " bars do not fit into " + period + " bars");
        }
        LocalDate day = BarBuckets.tradingDay(finer);
        return fold(keyOf(finer.openTime(), day), day, finer.open(), finer.high(), finer.low(),
                finer.close(), finer.volume(), finer.turnover());
    }

    /** The bar being built, if any input arrived. */
    public Optional<Bar> current() {
        if (!open) {
            return Optional.empty();
        }
        return Optional.of(new Bar(instrument, period, stamp, openPrice, high, low, close, volume,
                turnoverKnown ? turnover : null));
    }

    /** Input dropped because its bucket had already closed. */
    public long ignored() {
        return ignored;
    }

    private long keyOf(Instant time, LocalDate day) {
        if (period.isIntraday()) {
            return BarBuckets.intradayStart(time, period, zone).getEpochSecond();
        }
        return BarBuckets.periodKey(day, period).toEpochDay();
    }

    private Optional<Bar> fold(long k, LocalDate day, BigDecimal o, BigDecimal h, BigDecimal l,
                              BigDecimal c, long v, BigDecimal t) {
        if (open && k < key) {
            ignored++;
            return Optional.empty();
        }
        Optional<Bar> closed = Optional.empty();
        if (open && k > key) {
            closed = current();
            open = false;
        }
        if (!open) {
            start(k, day, o, h, l, c, v, t);
            return closed;
        }
        if (!period.isIntraday() && day.isBefore(firstDay)) {
            firstDay = day; // a day-based bar is stamped with its first trading day
            stamp = TradingDayBar.stamp(day);
        }
        high = high.max(h);
        low = low.min(l);
        close = c;
        volume += v;
        addTurnover(t);
        return closed;
    }

    private void start(long k, LocalDate day, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c,
                       long v, BigDecimal t) {
        open = true;
        key = k;
        firstDay = day;
        stamp = period.isIntraday() ? Instant.ofEpochSecond(k) : TradingDayBar.stamp(day);
        openPrice = o;
        high = h;
        low = l;
        close = c;
        volume = v;
        turnover = BigDecimal.ZERO;
        turnoverKnown = true;
        addTurnover(t);
    }

    private void addTurnover(BigDecimal t) {
        if (t == null) {
            turnoverKnown = false;
        } else if (turnoverKnown) {
            turnover = turnover.add(t);
        }
    }
}

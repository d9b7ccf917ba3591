package io.brokergate.sim.market;

import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.TradingSession;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic past for one instrument, so history-candlestick queries have data before the sim
 * started: a chain of daily opens and closes walked <em>backwards</em> from the start price (the last
 * history close equals the live start price, so charts join up), and for each day a minute path that
 * runs from that day's open to its close (a Brownian bridge) through the market's regular sessions.
 *
 * <p>Every day has its own random stream derived from (seed, symbol, date): minute bars are
 * regenerated on demand instead of stored, and are identical every time. Day bars are the aggregate
 * of their minute bars, so both resolutions always agree.
 */
public final class HistoryGenerator {

    private final String symbol;
    private final TickTable ticks;
    private final long lotSize;
    private final int levelLots;
    private final boolean tradable;
    private final double dailyVolatility;
    private final List<LocalDate> days;
    private final Map<LocalDate, Integer> dayIndex = new HashMap<>();
    private final long[] open;
    private final long[] close;
    private final ZoneId zone;
    private final List<TradingSession> sessions;
    private final long seed;
    private List<Candle> dailyBars;

    /**
     * @param days      the history's trading days, oldest first
     * @param lastClose close of the last history day (the live start price)
     */
    public HistoryGenerator(String symbol, TickTable ticks, long lotSize, int levelLots, boolean tradable,
            double annualVolatility, long lastClose, List<LocalDate> days, ZoneId zone, List<TradingSession> sessions,
            long seed) {
        this.symbol = symbol;
        this.ticks = ticks;
        this.lotSize = lotSize;
        this.levelLots = levelLots;
        this.tradable = tradable;
        this.dailyVolatility = annualVolatility / Math.sqrt(252.0);
        this.days = List.copyOf(days);
        this.zone = zone;
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("history needs the market's trading sessions");
        }
        this.sessions = List.copyOf(sessions);
        this.seed = seed;
        int n = this.days.size();
        open = new long[n];
        close = new long[n];
        long c = lastClose;
        for (int i = n - 1; i >= 0; i--) {
            dayIndex.put(this.days.get(i), i);
            SeededRandom r = dayRandom(this.days.get(i));
            double dayReturn = dailyVolatility * r.nextGaussian();
            double overnightGap = 0.3 * dailyVolatility * r.nextGaussian();
            close[i] = c;
            open[i] = ticks.nearest(FixedPoint.fromDouble(c * StrictMath.exp(-dayReturn)));
            c = ticks.nearest(FixedPoint.fromDouble(open[i] * StrictMath.exp(-overnightGap)));
        }
    }

    private SeededRandom dayRandom(LocalDate day) {
        return new SeededRandom(SeededRandom.derive(seed, symbol, "history", day.toString()));
    }

    /** History trading days, oldest first. */
    public List<LocalDate> days() {
        return days;
    }

    public boolean covers(LocalDate day) {
        return dayIndex.containsKey(day);
    }

    /** The day's minute bars, oldest first; empty for a date outside the history. */
    public List<Candle> minuteBars(LocalDate day) {
        Integer idx = dayIndex.get(day);
        if (idx == null) {
            return List.of();
        }
        SeededRandom r = dayRandom(day);
        r.nextGaussian(); // the two draws the daily chain used
        r.nextGaussian();
        List<Long> minutes = minuteStarts(day);
        int m = minutes.size();
        double[] walk = new double[m + 1];
        double step = dailyVolatility / Math.sqrt(m);
        for (int k = 1; k <= m; k++) {
            walk[k] = walk[k - 1] + step * r.nextGaussian();
        }
        double logOpen = StrictMath.log(open[idx]);
        double target = StrictMath.log(close[idx]) - logOpen;
        List<Candle> bars = new ArrayList<>(m);
        long prevClose = open[idx];
        for (int k = 1; k <= m; k++) {
            long c;
            if (k == m) {
                c = close[idx];
            } else {
                double bridge = logOpen + walk[k] - (double) k / m * (walk[m] - target);
                c = ticks.nearest(FixedPoint.fromDouble(StrictMath.exp(bridge)));
            }
            long o = prevClose;
            long high = Math.max(o, c);
            long low = Math.min(o, c);
            if (r.nextBoolean()) {
                high = ticks.up(high);
            }
            if (r.nextBoolean()) {
                low = ticks.down(low);
            }
            boolean busy = k <= 30 || k > m - 30; // volume is U-shaped over the day
            long volume = tradable ? (1 + r.nextInt(Math.max(1, busy ? levelLots * 3 : levelLots * 2))) * lotSize : 0;
            long typical = (high + low + c) / 3;
            bars.add(new Candle(minutes.get(k - 1), o, high, low, c, volume, typical * volume));
            prevClose = c;
        }
        return bars;
    }

    private List<Long> minuteStarts(LocalDate day) {
        List<Long> out = new ArrayList<>();
        for (TradingSession s : sessions) {
            for (LocalTime t = s.begin(); t.isBefore(s.end()); t = t.plusMinutes(1)) {
                out.add(day.atTime(t).atZone(zone).toInstant().toEpochMilli());
            }
        }
        return out;
    }

    /** One bar per history day (the aggregate of its minute bars), oldest first. Computed once. */
    public List<Candle> dailyBars() {
        if (dailyBars == null) {
            List<Candle> out = new ArrayList<>(days.size());
            for (LocalDate d : days) {
                out.addAll(CandleAggregator.resample(minuteBars(d), BarPeriod.DAY, zone));
            }
            dailyBars = Collections.unmodifiableList(out);
        }
        return dailyBars;
    }

    /** Close of the last history day, or 0 when there is no history. */
    public long lastClose() {
        return close.length == 0 ? 0 : close[close.length - 1];
    }
}

package io.brokergate.sim.market;

import io.brokergate.core.market.BarPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one instrument's 1-minute bars from its own trades and resamples minute bars into longer
 * periods. Only 1-minute bars are stored (a bounded number, oldest dropped first); every longer period
 * is derived from them on request, so all resolutions always agree with each other.
 *
 * <p>Buckets: intraday periods start on multiples of their length counted from local midnight in the
 * market's zone; a day bar starts at local midnight of the trading date, a week bar at local midnight
 * of that week's Monday, a month bar at local midnight of the 1st.
 */
public final class CandleAggregator {

    private static final long MINUTE = 60_000L;

    private final int retention;
    private final ArrayList<Candle> closed = new ArrayList<>();
    private boolean hasCurrent;
    private long curStart;
    private long curOpen;
    private long curHigh;
    private long curLow;
    private long curClose;
    private long curVolume;
    private long curTurnover;

    /** @param retention how many completed minute bars to keep */
    public CandleAggregator(int retention) {
        if (retention < 1) {
            throw new IllegalArgumentException("retention must be positive");
        }
        this.retention = retention;
    }

    /** Adds a trade; {@code quantity} may be 0 for value-only updates (indexes). */
    public void onTrade(long timeMillis, long price, long quantity) {
        long minute = Math.floorDiv(timeMillis, MINUTE) * MINUTE;
        if (!hasCurrent || minute > curStart) {
            if (hasCurrent) {
                closeCurrent();
            }
            hasCurrent = true;
            curStart = minute;
            curOpen = price;
            curHigh = price;
            curLow = price;
            curClose = price;
            curVolume = 0;
            curTurnover = 0;
        }
        // A trade stamped before the open bar (a clock set back by a test) still lands in the open bar.
        curHigh = Math.max(curHigh, price);
        curLow = Math.min(curLow, price);
        curClose = price;
        curVolume += quantity;
        curTurnover += price * quantity;
    }

    private void closeCurrent() {
        closed.add(new Candle(curStart, curOpen, curHigh, curLow, curClose, curVolume, curTurnover));
        if (closed.size() > retention + retention / 8) {
            // Trim in chunks so that retention costs amortised O(1) per bar.
            closed.subList(0, closed.size() - retention).clear();
        }
    }

    /** The bar still being built, or null before the first trade. */
    public Candle current() {
        return hasCurrent ? new Candle(curStart, curOpen, curHigh, curLow, curClose, curVolume, curTurnover) : null;
    }

    /** Minute bars with {@code from <= openTime < to}, oldest first, including the bar being built. */
    public List<Candle> minuteBars(long fromMillis, long toMillis) {
        List<Candle> out = new ArrayList<>();
        int i = firstAtOrAfter(fromMillis);
        for (; i < closed.size(); i++) {
            Candle c = closed.get(i);
            if (c.openTime() >= toMillis) {
                return out;
            }
            out.add(c);
        }
        if (hasCurrent && curStart >= fromMillis && curStart < toMillis) {
            out.add(current());
        }
        return out;
    }

    /** Earliest minute any stored bar covers, or {@code Long.MAX_VALUE} when there is none. */
    public long earliest() {
        if (!closed.isEmpty()) {
            return closed.get(0).openTime();
        }
        return hasCurrent ? curStart : Long.MAX_VALUE;
    }

    private int firstAtOrAfter(long time) {
        int lo = 0;
        int hi = closed.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closed.get(mid).openTime() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Resamples ascending minute bars (or day bars, for week and month) into {@code period} buckets. */
    public static List<Candle> resample(List<Candle> bars, BarPeriod period, ZoneId zone) {
        List<Candle> out = new ArrayList<>();
        Candle acc = null;
        for (Candle c : bars) {
            long bucket = bucketStart(c.openTime(), period, zone);
            if (acc != null && acc.openTime() == bucket) {
                acc = acc.merge(c);
            } else {
                if (acc != null) {
                    out.add(acc);
                }
                acc = c.rebucket(bucket);
            }
        }
        if (acc != null) {
            out.add(acc);
        }
        return out;
    }

    /** Start of the bucket of {@code period} that contains {@code timeMillis}. */
    public static long bucketStart(long timeMillis, BarPeriod period, ZoneId zone) {
        Instant instant = Instant.ofEpochMilli(timeMillis);
        if (period.isIntraday()) {
            long length = period.length().toMillis();
            long offset = zone.getRules().getOffset(instant).getTotalSeconds() * 1000L;
            long local = timeMillis + offset;
            return local - Math.floorMod(local, length) - offset;
        }
        LocalDate date = instant.atZone(zone).toLocalDate();
        switch (period) {
            case DAY:
                break;
            case WEEK:
                date = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                break;
            case MONTH:
                date = date.withDayOfMonth(1);
                break;
            default:
                throw new IllegalArgumentException("unsupported period " + period);
        }
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}

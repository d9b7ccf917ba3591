package io.brokergate.core.market.candles;

import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Which bar a moment belongs to, decided in one place so that every producer of bars (quote-service's
 * {@code /history}, stream-service's live bars) cuts time the same way:
 * <ul>
 *   <li>intraday bars start on whole multiples of their length counted from local midnight in the
 *       exchange's time zone (a 60-minute bar of {@code 700.HK} starts at 09:00, 10:00, … Hong Kong time);</li>
 *   <li>a day is the exchange's calendar date, stamped 00:00 UTC of that date ({@link TradingDayBar#stamp});</li>
 *   <li>a week runs Monday to Sunday and a month is a calendar month; both are stamped 00:00 UTC of
 *       their first trading day, i.e. the first day that has a bar (TradingView's rule for months,
 *       applied to weeks too).</li>
 * </ul>
 */
public final class BarBuckets {

    private BarBuckets() {
    }

    /** The exchange-local calendar date of a moment. */
    public static LocalDate tradingDay(Instant time, ZoneId zone) {
        return time.atZone(zone).toLocalDate();
    }

    /**
     * The trading day a bar belongs to: the exchange-local date of an intraday bar's open, and the
     * date of a longer bar's stamp (which is 00:00 UTC of its trading day).
     */
    public static LocalDate tradingDay(Bar bar) {
        if (bar.period().isIntraday()) {
            return tradingDay(bar.openTime(), bar.instrument().market().zone());
        }
        return bar.openTime().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Start of the intraday bucket containing {@code time}, aligned to local midnight. */
    public static Instant intradayStart(Instant time, BarPeriod period, ZoneId zone) {
        if (!period.isIntraday()) {
            throw new IllegalArgumentException(period + " is not an intraday period");
        }
        long length = period.length().getSeconds();
        long offset = zone.getRules().getOffset(time).getTotalSeconds();
        long local = time.getEpochSecond() + offset;
        return Instant.ofEpochSecond(local - Math.floorMod(local, length) - offset);
    }

    /** The calendar key of a day-based bucket: the day itself, the Monday of its week, the 1st of its month. */
    public static LocalDate periodKey(LocalDate day, BarPeriod period) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            default -> throw new IllegalArgumentException(period + " is not a day-based period");
        };
    }

    /** Whether bars of {@code finer} can be folded into bars of {@code target} without splitting any. */
    public static boolean fitsInto(BarPeriod finer, BarPeriod target) {
        if (finer == target) {
            return true;
        }
        if (target.isIntraday()) {
            return finer.isIntraday() && target.length().getSeconds() % finer.length().getSeconds() == 0;
        }
        return switch (target) {
            case DAY -> finer.isIntraday();
            case WEEK, MONTH -> finer.isIntraday() || finer == BarPeriod.DAY; // weeks straddle months
            default -> false;
        };
    }
}

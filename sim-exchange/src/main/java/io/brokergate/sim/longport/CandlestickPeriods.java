package io.brokergate.sim.longport;

import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.longport.proto.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * LongPort candlestick periods on top of the engine's bar periods. LongPort has more periods than
 * the core model (2, 3, 10, 20, 45 minutes, 2-4 hours, quarter, year); those are built by merging
 * consecutive engine bars of a base period.
 */
final class CandlestickPeriods {

    /** How to build one LongPort period: {@code multiple} bars of {@code base} make one. */
    record Recipe(BarPeriod base, int multiple) {
    }

    private CandlestickPeriods() {
    }

    /** @return null when the period is unknown or unsupported */
    static Recipe recipe(Period p) {
        return switch (p) {
            case PERIOD_ONE_MINUTE -> new Recipe(BarPeriod.MIN_1, 1);
            case PERIOD_TWO_MINUTE -> new Recipe(BarPeriod.MIN_1, 2);
            case PERIOD_THREE_MINUTE -> new Recipe(BarPeriod.MIN_1, 3);
            case PERIOD_FIVE_MINUTE -> new Recipe(BarPeriod.MIN_5, 1);
            case PERIOD_TEN_MINUTE -> new Recipe(BarPeriod.MIN_5, 2);
            case PERIOD_FIFTEEN_MINUTE -> new Recipe(BarPeriod.MIN_15, 1);
            case PERIOD_TWENTY_MINUTE -> new Recipe(BarPeriod.MIN_5, 4);
            case PERIOD_THIRTY_MINUTE -> new Recipe(BarPeriod.MIN_30, 1);
            case PERIOD_FORTY_FIVE_MINUTE -> new Recipe(BarPeriod.MIN_15, 3);
            case PERIOD_SIXTY_MINUTE -> new Recipe(BarPeriod.MIN_60, 1);
            case PERIOD_TWO_HOUR -> new Recipe(BarPeriod.MIN_60, 2);
            case PERIOD_THREE_HOUR -> new Recipe(BarPeriod.MIN_60, 3);
            case PERIOD_FOUR_HOUR -> new Recipe(BarPeriod.MIN_60, 4);
            case PERIOD_DAY -> new Recipe(BarPeriod.DAY, 1);
            case PERIOD_WEEK -> new Recipe(BarPeriod.WEEK, 1);
            case PERIOD_MONTH -> new Recipe(BarPeriod.MONTH, 1);
            case PERIOD_QUARTER -> new Recipe(BarPeriod.MONTH, 3);
            case PERIOD_YEAR -> new Recipe(BarPeriod.MONTH, 12);
            default -> null;
        };
    }

    /**
     * Merges base bars into buckets of {@code multiple}. Intraday buckets are aligned on the market's
     * local clock; months group into calendar quarters and years.
     */
    static List<Bar> merge(List<Bar> bars, Recipe recipe, ZoneId zone) {
        if (recipe.multiple() == 1 || bars.isEmpty()) {
            return bars;
        }
        List<Bar> out = new ArrayList<>(bars.size() / recipe.multiple() + 1);
        Bar current = null;
        long currentBucket = Long.MIN_VALUE;
        for (Bar b : bars) {
            long bucket = bucketOf(b.openTime(), recipe, zone);
            if (current != null && bucket == currentBucket) {
                current = new Bar(current.instrument(), current.period(), current.openTime(), current.open(),
                        current.high().max(b.high()), current.low().min(b.low()), b.close(),
                        current.volume() + b.volume(), add(current.turnover(), b.turnover()));
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = b;
                currentBucket = bucket;
            }
        }
        out.add(current);
        return out;
    }

    private static long bucketOf(Instant t, Recipe recipe, ZoneId zone) {
        if (recipe.base() == BarPeriod.MONTH) {
            ZonedDateTime local = t.atZone(zone);
            return local.getYear() * 100L + (local.getMonthValue() - 1) / recipe.multiple();
        }
        long size = recipe.base().length().toMillis() * recipe.multiple();
        long offset = zone.getRules().getOffset(t).getTotalSeconds() * 1000L;
        return Math.floorDiv(t.toEpochMilli() + offset, size);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}

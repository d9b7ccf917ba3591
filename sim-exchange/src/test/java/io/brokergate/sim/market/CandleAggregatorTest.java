package io.brokergate.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.market.BarPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {

    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");

    private static long at(int hour, int minute, int second) {
        return ZonedDateTime.of(2026, 3, 2, hour, minute, second, 0, HK).toInstant().toEpochMilli();
    }

    @Test
    void aMinuteBarIsTheOhlcvOfItsTrades() {
        CandleAggregator agg = new CandleAggregator(100);
        agg.onTrade(at(10, 0, 1), 100, 5);
        agg.onTrade(at(10, 0, 20), 120, 1);
        agg.onTrade(at(10, 0, 40), 90, 2);
        agg.onTrade(at(10, 0, 59), 110, 3);
        agg.onTrade(at(10, 1, 0), 111, 7);
        List<Candle> bars = agg.minuteBars(Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(2, bars.size());
        assertEquals(new Candle(at(10, 0, 0), 100, 120, 90, 110, 11, 100 * 5 + 120 + 90 * 2 + 110 * 3), bars.get(0));
        assertEquals(new Candle(at(10, 1, 0), 111, 111, 111, 111, 7, 777), bars.get(1));
    }

    @Test
    void fiveMinuteBarsAggregateMinuteBarsOnLocalBoundaries() {
        CandleAggregator agg = new CandleAggregator(1000);
        int price = 1000;
        for (int m = 0; m < 23; m++) {
            agg.onTrade(at(10, m, 5), price + m, 1 + m);
            agg.onTrade(at(10, m, 35), price - m, 2);
        }
        List<Candle> minutes = agg.minuteBars(Long.MIN_VALUE, Long.MAX_VALUE);
        List<Candle> fives = CandleAggregator.resample(minutes, BarPeriod.MIN_5, HK);
        assertEquals(5, fives.size());
        for (Candle five : fives) {
            List<Candle> parts = new ArrayList<>();
            for (Candle m : minutes) {
                if (m.openTime() >= five.openTime() && m.openTime() < five.openTime() + 300_000) {
                    parts.add(m);
                }
            }
            assertEquals(parts.get(0).open(), five.open());
            assertEquals(parts.get(parts.size() - 1).close(), five.close());
            assertEquals(parts.stream().mapToLong(Candle::high).max().getAsLong(), five.high());
            assertEquals(parts.stream().mapToLong(Candle::low).min().getAsLong(), five.low());
            assertEquals(parts.stream().mapToLong(Candle::volume).sum(), five.volume());
            assertEquals(parts.stream().mapToLong(Candle::turnover).sum(), five.turnover());
            assertEquals(0, (five.openTime() - at(10, 0, 0)) % 300_000);
        }
    }

    @Test
    void dayWeekAndMonthBucketsStartAtLocalMidnight() {
        long t = at(10, 30, 0); // Monday 2 March 2026
        assertEquals(LocalDate.of(2026, 3, 2).atStartOfDay(HK).toInstant().toEpochMilli(),
                CandleAggregator.bucketStart(t, BarPeriod.DAY, HK));
        assertEquals(LocalDate.of(2026, 3, 2).atStartOfDay(HK).toInstant().toEpochMilli(),
                CandleAggregator.bucketStart(t + 3 * 86_400_000L, BarPeriod.WEEK, HK));
        assertEquals(LocalDate.of(2026, 3, 1).atStartOfDay(HK).toInstant().toEpochMilli(),
                CandleAggregator.bucketStart(t, BarPeriod.MONTH, HK));
        assertEquals(at(10, 0, 0), CandleAggregator.bucketStart(t, BarPeriod.MIN_60, HK));
        assertEquals(at(10, 30, 0), CandleAggregator.bucketStart(t + 59_000, BarPeriod.MIN_30, HK));
    }

    @Test
    void keepsOnlyTheRetainedNumberOfBarsRoughly() {
        CandleAggregator agg = new CandleAggregator(10);
        for (int m = 0; m < 100; m++) {
            agg.onTrade(at(10, 0, 0) + m * 60_000L, 1, 1);
        }
        int kept = agg.minuteBars(Long.MIN_VALUE, Long.MAX_VALUE).size();
        assertEquals(true, kept >= 10 && kept <= 13, "kept " + kept);
    }
}

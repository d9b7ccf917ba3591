package io.brokergate.core.market.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BarBucketsTest {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Test
    void intradayBucketsAlignToLocalMidnight() {
        Instant t = Instant.parse("2026-03-02T01:47:31Z"); // 09:47:31 Hong Kong
        assertEquals(Instant.parse("2026-03-02T01:47:00Z"), BarBuckets.intradayStart(t, BarPeriod.MIN_1, HONG_KONG));
        assertEquals(Instant.parse("2026-03-02T01:45:00Z"), BarBuckets.intradayStart(t, BarPeriod.MIN_15, HONG_KONG));
        assertEquals(Instant.parse("2026-03-02T01:30:00Z"), BarBuckets.intradayStart(t, BarPeriod.MIN_30, HONG_KONG));
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), BarBuckets.intradayStart(t, BarPeriod.MIN_60, HONG_KONG));
        // Kolkata is UTC+05:30: its hours start at :30 UTC.
        assertEquals(Instant.parse("2026-03-02T03:30:00Z"),
                BarBuckets.intradayStart(Instant.parse("2026-03-02T04:10:00Z"), BarPeriod.MIN_60, ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void theTradingDayOfABarDependsOnItsKind() {
        InstrumentId apple = InstrumentId.parse("AAPL.US");
        Bar minute = new Bar(apple, BarPeriod.MIN_1, Instant.parse("2026-03-03T00:30:00Z"), BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 1, null);
        assertEquals(LocalDate.parse("2026-03-02"), BarBuckets.tradingDay(minute), "19:30 New York on the 2nd");
        Bar day = new Bar(apple, BarPeriod.DAY, Instant.parse("2026-03-03T00:00:00Z"), BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, 1, null);
        assertEquals(LocalDate.parse("2026-03-03"), BarBuckets.tradingDay(day), "day bars carry their date at 00:00 UTC");
    }

    @Test
    void periodKeysAndNesting() {
        LocalDate thursday = LocalDate.parse("2026-04-09");
        assertEquals(LocalDate.parse("2026-04-06"), BarBuckets.periodKey(thursday, BarPeriod.WEEK));
        assertEquals(LocalDate.parse("2026-04-01"), BarBuckets.periodKey(thursday, BarPeriod.MONTH));
        assertTrue(BarBuckets.fitsInto(BarPeriod.MIN_5, BarPeriod.MIN_15));
        assertFalse(BarBuckets.fitsInto(BarPeriod.MIN_15, BarPeriod.MIN_5));
        assertTrue(BarBuckets.fitsInto(BarPeriod.MIN_1, BarPeriod.MONTH));
        assertTrue(BarBuckets.fitsInto(BarPeriod.DAY, BarPeriod.WEEK));
        assertFalse(BarBuckets.fitsInto(BarPeriod.WEEK, BarPeriod.MONTH));
    }
}

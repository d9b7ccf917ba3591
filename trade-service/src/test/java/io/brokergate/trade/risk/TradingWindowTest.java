package io.brokergate.trade.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TradingWindowTest {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void startIsInsideAndEndIsOutside() {
        TradingWindow hk = new TradingWindow(WEEKDAYS, LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("Asia/Hong_Kong"));
        assertFalse(hk.contains(Instant.parse("2026-11-20T01:29:59Z"))); // Fri 09:29:59 HKT
        assertTrue(hk.contains(Instant.parse("2026-11-20T01:30:00Z")));
        assertTrue(hk.contains(Instant.parse("2026-11-20T07:59:59Z")));
        assertFalse(hk.contains(Instant.parse("2026-11-20T08:00:00Z")));
        assertFalse(hk.contains(Instant.parse("2026-11-21T03:00:00Z")), "Saturday");
        assertTrue(hk.contains(Instant.parse("2026-11-23T03:00:00Z")), "Monday");
    }

    @Test
    void theLocalDayDecidesNotTheUtcDay() {
        TradingWindow nz = new TradingWindow(WEEKDAYS, LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("Pacific/Auckland"));
        assertTrue(nz.contains(Instant.parse("2026-11-22T21:00:00Z")), "Sunday in UTC, Monday 10:00 in Auckland (UTC+13)");
        assertFalse(nz.contains(Instant.parse("2026-11-20T21:00:00Z")), "Friday in UTC, Saturday 10:00 in Auckland");
    }

    @Test
    void theWindowMovesWithDaylightSavingTime() {
        TradingWindow ny = new TradingWindow(WEEKDAYS, LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("America/New_York"));
        assertTrue(ny.contains(Instant.parse("2026-10-30T13:30:00Z")), "09:30 EDT");
        assertFalse(ny.contains(Instant.parse("2026-11-02T13:30:00Z")), "08:30 EST");
        assertTrue(ny.contains(Instant.parse("2026-11-02T14:30:00Z")), "09:30 EST");
    }

    @Test
    void anOvernightWindowBelongsToTheDayItStarts() {
        TradingWindow overnight = new TradingWindow(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), ZoneId.of("UTC"));
        assertTrue(overnight.contains(Instant.parse("2026-11-20T22:00:00Z")), "Friday 22:00");
        assertTrue(overnight.contains(Instant.parse("2026-11-21T01:59:59Z")), "Saturday 01:59 belongs to Friday's session");
        assertFalse(overnight.contains(Instant.parse("2026-11-21T02:00:00Z")));
        assertFalse(overnight.contains(Instant.parse("2026-11-20T01:00:00Z")), "Friday 01:00 belongs to Thursday's session");
        assertFalse(overnight.contains(Instant.parse("2026-11-21T22:30:00Z")), "Saturday evening");
    }

    @Test
    void anEndOfMidnightRunsToTheEndOfTheDay() {
        TradingWindow evening = new TradingWindow(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(18, 0), LocalTime.MIDNIGHT, ZoneId.of("UTC"));
        assertTrue(evening.contains(Instant.parse("2026-11-20T23:59:59Z")));
        assertFalse(evening.contains(Instant.parse("2026-11-21T00:00:00Z")));
    }

    @Test
    void describesRunsOfDays() {
        assertEquals("MON-FRI 09:30-16:00 Asia/Hong_Kong",
                new TradingWindow(WEEKDAYS, LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("Asia/Hong_Kong")).describe());
        assertEquals("MON,WED,FRI-SUN 00:00-12:00 UTC", new TradingWindow(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.NOON, ZoneId.of("UTC")).describe());
        assertEquals("SAT,SUN 10:00-11:00 UTC", new TradingWindow(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.of(10, 0), LocalTime.of(11, 0), ZoneId.of("UTC")).describe());
    }
}

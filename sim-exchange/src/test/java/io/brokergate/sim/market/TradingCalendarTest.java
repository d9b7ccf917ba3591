package io.brokergate.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.Market.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    private final TradingCalendar calendar = new TradingCalendar(Map.of(Region.HK, Set.of(LocalDate.of(2026, 3, 4))));

    private static Instant at(Market m, int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, m.zone()).toInstant();
    }

    @Test
    void regionalSessions() {
        assertEquals(LocalTime.of(9, 30), calendar.sessions(Region.HK).get(0).begin());
        assertEquals(LocalTime.of(12, 0), calendar.sessions(Region.HK).get(0).end());
        assertEquals(LocalTime.of(13, 0), calendar.sessions(Region.HK).get(1).begin());
        assertEquals(LocalTime.of(16, 0), calendar.sessions(Region.HK).get(1).end());
        assertEquals(1, calendar.sessions(Region.US).size());
        assertEquals(LocalTime.of(11, 30), calendar.sessions(Region.CN).get(0).end());
        assertEquals(LocalTime.of(15, 0), calendar.sessions(Region.CN).get(1).end());
    }

    @Test
    void openOnlyInSessionsOfTradingDays() {
        assertTrue(calendar.isOpen(Market.HK, at(Market.HK, 2026, 3, 2, 9, 30)));
        assertFalse(calendar.isOpen(Market.HK, at(Market.HK, 2026, 3, 2, 12, 30)), "lunch break");
        assertFalse(calendar.isOpen(Market.HK, at(Market.HK, 2026, 3, 2, 16, 0)), "end is exclusive");
        assertFalse(calendar.isOpen(Market.HK, at(Market.HK, 2026, 3, 4, 10, 0)), "holiday");
        assertFalse(calendar.isOpen(Market.HK, at(Market.HK, 2026, 3, 7, 10, 0)), "Saturday");
        assertTrue(calendar.isOpen(Market.US, at(Market.US, 2026, 3, 9, 15, 59)), "New York time, after DST began");
        assertTrue(calendar.isOpen(Market.SZ, at(Market.SZ, 2026, 3, 2, 14, 0)));
        assertFalse(calendar.isOpen(Market.SH, at(Market.SH, 2026, 3, 2, 11, 45)));
    }

    @Test
    void tradingDaysSkipWeekendsAndHolidays() {
        List<LocalDate> days = calendar.tradingDaysBefore(Region.HK, LocalDate.of(2026, 3, 9), 5);
        assertEquals(List.of(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6)), days);
        assertEquals(3, calendar.tradingDays(Region.HK, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5)).tradingDays().size());
        assertEquals(at(Market.HK, 2026, 3, 2, 16, 0), calendar.closeOf(Market.HK, LocalDate.of(2026, 3, 2)));
        assertEquals(LocalDate.of(2026, 3, 5), calendar.nextTradingDay(Region.HK, LocalDate.of(2026, 3, 3)));
    }
}

package io.brokergate.sim.market;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.Market.Region;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingSession;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Regular sessions per region and the trading-day calendar: weekdays minus a configurable holiday
 * list. Immutable and thread-safe.
 */
public final class TradingCalendar {

    private static final Map<Region, List<TradingSession>> SESSIONS = new EnumMap<>(Region.class);

    static {
        SESSIONS.put(Region.HK, List.of(
                session(Region.HK, 9, 30, 12, 0),
                session(Region.HK, 13, 0, 16, 0)));
        SESSIONS.put(Region.US, List.of(session(Region.US, 9, 30, 16, 0)));
        SESSIONS.put(Region.CN, List.of(
                session(Region.CN, 9, 30, 11, 30),
                session(Region.CN, 13, 0, 15, 0)));
    }

    private static TradingSession session(Region region, int bh, int bm, int eh, int em) {
        return new TradingSession(region, SessionType.REGULAR, LocalTime.of(bh, bm), LocalTime.of(eh, em));
    }

    private final Map<Region, Set<LocalDate>> holidays;

    public TradingCalendar(Map<Region, ? extends Set<LocalDate>> holidays) {
        Map<Region, Set<LocalDate>> copy = new EnumMap<>(Region.class);
        holidays.forEach((region, dates) -> copy.put(region, Collections.unmodifiableSet(new TreeSet<>(dates))));
        this.holidays = Collections.unmodifiableMap(copy);
    }

    /** Weekdays only, no holidays. */
    public static TradingCalendar weekdaysOnly() {
        return new TradingCalendar(Map.of());
    }

    /**
     * A small list of well-known exchange holidays for 2025 and 2026; enough to make calendars
     * look real, not an authoritative calendar.
     */
    public static Map<Region, Set<LocalDate>> defaultHolidays() {
        Map<Region, Set<LocalDate>> m = new EnumMap<>(Region.class);
        m.put(Region.HK, dates("2025-01-01", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-04", "2025-04-18",
                "2025-04-21", "2025-05-01", "2025-05-05", "2025-07-01", "2025-10-01", "2025-10-07", "2025-10-29",
                "2025-12-25", "2025-12-26", "2026-01-01", "2026-02-17", "2026-02-18", "2026-02-19", "2026-04-03",
                "2026-04-06", "2026-05-01", "2026-07-01", "2026-10-01", "2026-12-25"));
        m.put(Region.US, dates("2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
                "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25", "2026-01-01", "2026-01-19", "2026-02-16",
                "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"));
        m.put(Region.CN, dates("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03",
                "2025-02-04", "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01",
                "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", "2026-01-01", "2026-10-01",
                "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"));
        return m;
    }

    private static Set<LocalDate> dates(String... isoDates) {
        Set<LocalDate> set = new TreeSet<>();
        for (String d : isoDates) {
            set.add(LocalDate.parse(d));
        }
        return set;
    }

    /** Regular sessions in the region's local time; empty for regions the simulator does not model. */
    public List<TradingSession> sessions(Region region) {
        return SESSIONS.getOrDefault(region, List.of());
    }

    public Set<LocalDate> holidays(Region region) {
        return holidays.getOrDefault(region, Set.of());
    }

    public boolean isTradingDay(Region region, LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays(region).contains(date);
    }

    /** Whether the market is inside a regular session at that instant. */
    public boolean isOpen(Market market, Instant at) {
        ZonedDateTime local = at.atZone(market.zone());
        if (!isTradingDay(market.region(), local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        for (TradingSession s : sessions(market.region())) {
            if (s.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** End of the last session of a date, as an instant. */
    public Instant closeOf(Market market, LocalDate date) {
        List<TradingSession> sessions = sessions(market.region());
        if (sessions.isEmpty()) {
            return startOfNextDay(market.zone(), date);
        }
        return date.atTime(sessions.get(sessions.size() - 1).end()).atZone(market.zone()).toInstant();
    }

    /** Local midnight at the end of a date. */
    public static Instant startOfNextDay(ZoneId zone, LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public LocalDate previousTradingDay(Region region, LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(region, d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    public LocalDate nextTradingDay(Region region, LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(region, d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code count} trading days strictly before {@code date}, oldest first. */
    public List<LocalDate> tradingDaysBefore(Region region, LocalDate date, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        LocalDate d = date;
        for (int i = 0; i < count; i++) {
            d = previousTradingDay(region, d);
            days.add(d);
        }
        Collections.reverse(days);
        return days;
    }

    /** Trading days in {@code [from, to]}; the simulator has no half days. */
    public TradingDays tradingDays(Region region, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(region, d)) {
                days.add(d);
            }
        }
        return new TradingDays(region, days, List.of());
    }
}

package io.brokergate.quote.candles;

import io.brokergate.core.market.Bar;
import io.brokergate.core.market.candles.BarBuckets;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.ScopedInstrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Closed daily bars (stamped 00:00 UTC of their trading day) by instrument and year, with the last
 * day each year is known to be complete through. Write-once per day; least recently used years are
 * dropped beyond {@code history.cached-daily-bars}.
 */
@ApplicationScoped
public class DailyBarStore {

    private record YearKey(ScopedInstrument instrument, int year) {
    }

    private static final class YearDays {
        final TreeMap<LocalDate, Bar> bars = new TreeMap<>();
        LocalDate coveredThrough = LocalDate.MIN;
    }

    private final int maxBars;
    private final LinkedHashMap<YearKey, YearDays> years = new LinkedHashMap<>(64, 0.75f, true);
    private int total;

    public DailyBarStore(QuoteConfig config) {
        this.maxBars = config.history().cachedDailyBars();
    }

    /** Bars of days in {@code [from, to]} of one year, when the year is complete through {@code to}. */
    public synchronized Optional<List<Bar>> covered(ScopedInstrument key, int year, LocalDate from, LocalDate to) {
        YearDays y = years.get(new YearKey(key, year));
        if (y == null || y.coveredThrough.isBefore(to)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(y.bars.subMap(from, true, to, true).values()));
    }

    /** Adds a year's bars of days up to {@code lastClosedDay}; the year is then complete through it. */
    public synchronized void store(ScopedInstrument key, int year, List<Bar> bars, LocalDate lastClosedDay) {
        YearKey k = new YearKey(key, year);
        YearDays y = years.computeIfAbsent(k, x -> new YearDays());
        for (Bar b : bars) {
            LocalDate day = BarBuckets.tradingDay(b);
            if (!day.isAfter(lastClosedDay) && y.bars.putIfAbsent(day, b) == null) {
                total++;
            }
        }
        if (lastClosedDay.isAfter(y.coveredThrough)) {
            y.coveredThrough = lastClosedDay;
        }
        Iterator<Map.Entry<YearKey, YearDays>> it = years.entrySet().iterator();
        while (total > maxBars && it.hasNext()) {
            Map.Entry<YearKey, YearDays> e = it.next();
            if (!e.getKey().equals(k)) {
                total -= e.getValue().bars.size();
                it.remove();
            }
        }
    }
}

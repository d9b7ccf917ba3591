package io.brokergate.quote.candles;

import io.brokergate.core.market.Bar;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.ScopedInstrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Closed minute bars by instrument and exchange-local day, with how far each day is known to be
 * complete. A bar enters once and is never replaced (bars never change after they close). The
 * least recently used days are dropped beyond {@code history.cached-minute-bars}.
 */
@ApplicationScoped
public class MinuteBarStore {

    private record DayKey(ScopedInstrument instrument, LocalDate day) {
    }

    private static final class DayMinutes {
        final TreeMap<Instant, Bar> bars = new TreeMap<>();
        Instant coveredUntil = Instant.MIN;
    }

    private final int maxBars;
    /** Access-ordered for LRU eviction; guarded by this. */
    private final LinkedHashMap<DayKey, DayMinutes> days = new LinkedHashMap<>(64, 0.75f, true);
    private int total;

    public MinuteBarStore(QuoteConfig config) {
        this.maxBars = config.history().cachedMinuteBars();
    }

    /** Bars opening in {@code [from, to)} of that day, when the day is complete up to {@code to}. */
    public synchronized Optional<List<Bar>> covered(ScopedInstrument key, LocalDate day, Instant from, Instant to) {
        DayMinutes d = days.get(new DayKey(key, day));
        if (d == null || d.coveredUntil.isBefore(to)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(d.bars.subMap(from, true, to, false).values()));
    }

    /** Adds a day's bars opening before {@code settledUntil}; the day is then complete up to it. */
    public synchronized void store(ScopedInstrument key, LocalDate day, List<Bar> bars, Instant settledUntil) {
        DayKey k = new DayKey(key, day);
        DayMinutes d = days.computeIfAbsent(k, x -> new DayMinutes());
        for (Bar b : bars) {
            if (b.openTime().isBefore(settledUntil) && d.bars.putIfAbsent(b.openTime(), b) == null) {
                total++;
            }
        }
        if (settledUntil.isAfter(d.coveredUntil)) {
            d.coveredUntil = settledUntil;
        }
        evict(k);
    }

    public synchronized int size() {
        return total;
    }

    private void evict(DayKey keep) {
        Iterator<Map.Entry<DayKey, DayMinutes>> it = days.entrySet().iterator();
        while (total > maxBars && it.hasNext()) {
            Map.Entry<DayKey, DayMinutes> e = it.next();
            if (!e.getKey().equals(keep)) {
                total -= e.getValue().bars.size();
                it.remove();
            }
        }
    }
}

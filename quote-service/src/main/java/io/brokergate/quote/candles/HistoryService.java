package io.brokergate.quote.candles;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.candles.BarBuckets;
import io.brokergate.core.market.candles.CandleAggregator;
import io.brokergate.core.market.candles.TradingDayBar;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.quotes.QuoteService;
import io.brokergate.quote.time.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Candles of any supported resolution, all built with core's {@link CandleAggregator}:
 * <ul>
 *   <li>intraday bars from 1-minute bars: closed minutes (settled for {@code history.settle}) come
 *       from the broker once per day and are kept, never changed; the minutes still open come from
 *       pushed trades while the push stream is complete, else from the broker (reused for
 *       {@code history.open-bar-ttl});</li>
 *   <li>daily bars from the broker's daily bars of closed days (one call per year), and today's bar
 *       from the current quote with {@link TradingDayBar} — exactly what the stream emits as its daily
 *       bar; weeks and months from those days.</li>
 * </ul>
 * Bars are returned when their open time (for days: 00:00 UTC of the trading day) lies in
 * {@code [from, to]}, oldest first; a {@code to} in the future means "up to now".
 */
@ApplicationScoped
public class HistoryService {

    private final QuoteConfig.History limits;
    private final MarketClock clock;
    private final MinuteBarStore minutes;
    private final DailyBarStore days;
    private final LiveMinuteBars live;
    private final BrokerHistory broker;
    private final QuoteService quotes;

    public HistoryService(QuoteConfig config, MarketClock clock, MinuteBarStore minutes, DailyBarStore days,
                          LiveMinuteBars live, BrokerHistory broker, QuoteService quotes) {
        this.limits = config.history();
        this.clock = clock;
        this.minutes = minutes;
        this.days = days;
        this.live = live;
        this.broker = broker;
        this.quotes = quotes;
    }

    /** Bars opening in {@code [from, to]}. */
    public CompletionStage<List<Bar>> bars(Feed feed, InstrumentId id, BarPeriod period, Instant from, Instant to) {
        HistoryRange.check(period, from, to, limits);
        return unchecked(feed, id, period, from, to).thenApply(bars -> {
            HistoryRange.checkCount(bars.size(), limits);
            return bars;
        });
    }

    /** The latest {@code count} bars opening at or before {@code to}, searching back at most the longest allowed range. */
    public CompletionStage<List<Bar>> latest(Feed feed, InstrumentId id, BarPeriod period, Instant to, int count) {
        if (count < 1 || count > limits.maxBars()) {
            throw GatewayException.invalid("the number of bars must be 1 to " + limits.maxBars() + ", got " + count);
        }
        Duration max = period.isIntraday() ? limits.maxIntradaySpan() : limits.maxDailySpan();
        Duration first = period.isIntraday() ? period.length().multipliedBy(count).multipliedBy(2)
                : Duration.ofDays(period == BarPeriod.DAY ? count * 2L + 7 : period == BarPeriod.WEEK ? count * 8L + 7 : count * 32L);
        return search(feed, id, period, to, count, min(max(first, Duration.ofDays(1)), max), max);
    }

    private CompletionStage<List<Bar>> search(Feed feed, InstrumentId id, BarPeriod period, Instant to, int count,
                                              Duration window, Duration max) {
        return unchecked(feed, id, period, to.minus(window), to).thenCompose(bars -> {
            if (bars.size() >= count || window.compareTo(max) >= 0) {
                return CompletableFuture.completedFuture(bars.subList(Math.max(0, bars.size() - count), bars.size()));
            }
            return search(feed, id, period, to, count, min(window.multipliedBy(2), max), max);
        });
    }

    private CompletionStage<List<Bar>> unchecked(Feed feed, InstrumentId id, BarPeriod period, Instant from, Instant to) {
        Instant now = clock.now();
        return period.isIntraday() ? intraday(feed, id, period, from, to, now) : daily(feed, id, period, from, to, now);
    }

    // ------------------------------------------------------------------ intraday

    private CompletionStage<List<Bar>> intraday(Feed feed, InstrumentId id, BarPeriod period, Instant from, Instant to,
                                                Instant now) {
        ZoneId zone = id.market().zone();
        Instant end = to.isAfter(now) ? now : to;
        Instant first = BarBuckets.intradayStart(from, period, zone);
        if (first.isBefore(from)) {
            first = first.plus(period.length()); // a bucket opening before from is not asked for
        }
        if (first.isAfter(end)) {
            return CompletableFuture.completedFuture(List.of());
        }
        Instant until = BarBuckets.intradayStart(end, period, zone).plus(period.length());
        ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
        List<CompletableFuture<List<Bar>>> parts = new ArrayList<>();
        LocalDate last = BarBuckets.tradingDay(until.minusSeconds(1), zone);
        for (LocalDate d = BarBuckets.tradingDay(first, zone); !d.isAfter(last); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(zone).toInstant();
            Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
            parts.add(minutesOfDay(feed, key, d, max(first, dayStart), min(until, dayEnd), now).toCompletableFuture());
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Bar> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            List<Bar> bars = period == BarPeriod.MIN_1 ? all : CandleAggregator.aggregate(id, period, all);
            return within(bars, from, to);
        });
    }

    /** Minute bars opening in {@code [a, b)} of one day: closed ones from the store, open ones live or from the broker. */
    private CompletionStage<List<Bar>> minutesOfDay(Feed feed, ScopedInstrument key, LocalDate day, Instant a, Instant b,
                                                    Instant now) {
        Instant settled = settledAt(now, key);
        Instant closedEnd = min(b, settled);
        CompletionStage<List<Bar>> closed = a.isBefore(closedEnd) ? closedMinutes(feed, key, day, a, closedEnd, settled)
                : CompletableFuture.completedFuture(List.of());
        Instant openStart = max(a, settled);
        CompletionStage<List<Bar>> open = openStart.isBefore(b) ? openMinutes(feed, key, day, openStart, b)
                : CompletableFuture.completedFuture(List.of());
        return closed.thenCombine(open, (c, o) -> {
            List<Bar> out = new ArrayList<>(c.size() + o.size());
            out.addAll(c);
            out.addAll(o);
            return out;
        });
    }

    /**
     * Closed minutes from the store, else from a broker answer given at least {@code history.settle}
     * after {@code b}; only minutes that were settled when the broker answered are stored. An answer
     * shared with an older call in flight may be too early: then the broker is asked again.
     */
    private CompletionStage<List<Bar>> closedMinutes(Feed feed, ScopedInstrument key, LocalDate day, Instant a, Instant b,
                                                     Instant settled) {
        return closedMinutes(feed, key, day, a, b, settled, 3);
    }

    private CompletionStage<List<Bar>> closedMinutes(Feed feed, ScopedInstrument key, LocalDate day, Instant a, Instant b,
                                                     Instant settled, int attempts) {
        Optional<List<Bar>> stored = minutes.covered(key, day, a, b);
        if (stored.isPresent()) {
            return CompletableFuture.completedFuture(stored.get());
        }
        Instant needed = b.plus(limits.settle());
        return broker.minuteDay(feed, key.instrument(), day, needed).thenCompose(answer -> {
            minutes.store(key, day, answer.bars(), min(settled, settledAt(answer.fetchedAt(), key)));
            Optional<List<Bar>> now = minutes.covered(key, day, a, b);
            if (now.isPresent()) {
                return CompletableFuture.completedFuture(now.get());
            }
            if (!answer.fetchedAt().isBefore(needed) || attempts <= 1) {
                return CompletableFuture.completedFuture(opening(answer.bars(), a, b)); // complete, just not kept
            }
            return closedMinutes(feed, key, day, a, b, settled, attempts - 1);
        });
    }

    /** Open minutes from the push stream when it is complete for them, else from a recent broker answer. */
    private CompletionStage<List<Bar>> openMinutes(Feed feed, ScopedInstrument key, LocalDate day, Instant a, Instant b) {
        Optional<List<Bar>> pushed = live.minutes(key, a, b, System.nanoTime());
        if (pushed.isPresent()) {
            return CompletableFuture.completedFuture(pushed.get());
        }
        return broker.minuteDay(feed, key.instrument(), day, a).thenApply(answer -> opening(answer.bars(), a, b));
    }

    /** Minutes opening before this were closed and settled at market time {@code t}. */
    private Instant settledAt(Instant t, ScopedInstrument key) {
        return BarBuckets.intradayStart(t.minus(limits.settle()), BarPeriod.MIN_1, key.instrument().market().zone());
    }

    // ------------------------------------------------------------------ days, weeks, months

    private CompletionStage<List<Bar>> daily(Feed feed, InstrumentId id, BarPeriod period, Instant from, Instant to,
                                             Instant now) {
        LocalDate today = BarBuckets.tradingDay(now, id.market().zone());
        LocalDate firstStamp = ceilUtcDate(from);
        LocalDate lastStamp = to.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate needFrom = period == BarPeriod.DAY ? firstStamp : BarBuckets.periodKey(firstStamp, period);
        LocalDate needTo = period == BarPeriod.DAY ? lastStamp : periodEnd(lastStamp, period);
        if (needTo.isAfter(today)) {
            needTo = today;
        }
        if (firstStamp.isAfter(lastStamp) || needFrom.isAfter(needTo)) {
            return CompletableFuture.completedFuture(List.of());
        }
        ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
        LocalDate closedTo = min(needTo, today.minusDays(1));
        List<CompletableFuture<List<Bar>>> parts = new ArrayList<>();
        for (int y = needFrom.getYear(); !needFrom.isAfter(closedTo) && y <= closedTo.getYear(); y++) {
            LocalDate yFrom = max(needFrom, LocalDate.of(y, 1, 1));
            LocalDate yTo = min(closedTo, LocalDate.of(y, 12, 31));
            parts.add(closedDays(feed, key, y, yFrom, yTo, today.minusDays(1)).toCompletableFuture());
        }
        if (!needTo.isBefore(today)) {
            parts.add(todayBar(feed, id, today).toCompletableFuture());
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Bar> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            List<Bar> bars = period == BarPeriod.DAY ? all : CandleAggregator.aggregate(id, period, all);
            return within(bars, from, to);
        });
    }

    private CompletionStage<List<Bar>> closedDays(Feed feed, ScopedInstrument key, int year, LocalDate from, LocalDate to,
                                                  LocalDate lastClosed) {
        Optional<List<Bar>> stored = days.covered(key, year, from, to);
        if (stored.isPresent()) {
            return CompletableFuture.completedFuture(stored.get());
        }
        return broker.dailyYear(feed, key.instrument(), year).thenApply(bars -> {
            days.store(key, year, bars, lastClosed);
            return days.covered(key, year, from, to).orElseGet(() -> bars.stream()
                    .filter(b -> !BarBuckets.tradingDay(b).isBefore(from) && !BarBuckets.tradingDay(b).isAfter(to)).toList());
        });
    }

    /** Today's bar from the current quote, as the stream's daily bar is built; none before the day's first trade. */
    private CompletionStage<List<Bar>> todayBar(Feed feed, InstrumentId id, LocalDate today) {
        return quotes.quotes(feed, List.of(id), false).thenApply(byId -> {
            Quote q = byId.get(id);
            if (q == null || !TradingDayBar.tradingDay(q).equals(today)) {
                return List.<Bar>of();
            }
            return TradingDayBar.of(q).map(List::of).orElse(List.of());
        });
    }

    // ------------------------------------------------------------------ helpers

    private static List<Bar> within(List<Bar> bars, Instant from, Instant to) {
        return bars.stream().filter(b -> !b.openTime().isBefore(from) && !b.openTime().isAfter(to)).toList();
    }

    private static List<Bar> opening(List<Bar> bars, Instant a, Instant b) {
        return bars.stream().filter(bar -> !bar.openTime().isBefore(a) && bar.openTime().isBefore(b)).toList();
    }

    private static LocalDate ceilUtcDate(Instant t) {
        LocalDate d = t.atZone(ZoneOffset.UTC).toLocalDate();
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().equals(t) ? d : d.plusDays(1);
    }

    private static LocalDate periodEnd(LocalDate day, BarPeriod period) {
        LocalDate start = BarBuckets.periodKey(day, period);
        return period == BarPeriod.WEEK ? start.plusDays(6) : start.plusMonths(1).minusDays(1);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

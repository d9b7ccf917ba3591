package io.brokergate.quote.candles;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.candles.TradingDayBar;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.quote.cache.Coalescer;
import io.brokergate.quote.cache.ExpiringCache;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.BrokerCalls;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.quotes.QuoteBook;
import io.brokergate.quote.time.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The two history calls quote-service makes, each coalesced: one exchange-local day of 1-minute
 * bars, and one calendar year of daily bars (restamped 00:00 UTC of their trading day). Every other
 * resolution is aggregated here from these two, so the broker's own resampling never shows. A day
 * answer is reused for {@code history.open-bar-ttl}, since a request that reads a day's closed
 * minutes and its open ones needs the same answer twice.
 */
@ApplicationScoped
public class BrokerHistory {

    private record DayCall(ScopedInstrument instrument, LocalDate day) {
    }

    private record YearCall(ScopedInstrument instrument, int year) {
    }

    /** A day's minute bars as the broker answered them at market time {@code fetchedAt}. */
    public record MinuteDay(List<Bar> bars, Instant fetchedAt) {
    }

    private final FeedRouter router;
    private final QuoteBook book;
    private final BrokerCalls calls;
    private final MarketClock clock;
    private final Coalescer<DayCall, MinuteDay> dayCalls = new Coalescer<>();
    private final Coalescer<YearCall, List<Bar>> yearCalls = new Coalescer<>();
    private final ExpiringCache<DayCall, MinuteDay> recentDays;

    public BrokerHistory(FeedRouter router, QuoteBook book, BrokerCalls calls, MarketClock clock, QuoteConfig config) {
        this.router = router;
        this.book = book;
        this.calls = calls;
        this.clock = clock;
        this.recentDays = new ExpiringCache<>(config.history().openBarTtl(), 1024);
    }

    /**
     * 1-minute bars of one exchange-local day, oldest first (the last may still be open), as of a
     * market time not before {@code notBefore}: a recent answer that old is reused, else the broker
     * is asked.
     */
    public CompletionStage<MinuteDay> minuteDay(Feed feed, InstrumentId id, LocalDate day, Instant notBefore) {
        ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
        DayCall call = new DayCall(key, day);
        Optional<MinuteDay> recent = recentDays.fresh(call).filter(d -> !d.fetchedAt().isBefore(notBefore));
        if (recent.isPresent()) {
            return CompletableFuture.completedFuture(recent.get());
        }
        ZoneId zone = id.market().zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        return dayCalls.run(call, () -> {
            MarketDataApi api = router.api(feed);
            calls.called("history_minutes");
            Instant asked = clock.now();
            return api.historyCandles(id, BarPeriod.MIN_1, from, to).thenApply(bars -> {
                MinuteDay answer = new MinuteDay(List.copyOf(bars), asked);
                recentDays.put(call, answer);
                return answer;
            });
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(book.failureOf(e, key)));
    }

    /** Daily bars of one calendar year, stamped 00:00 UTC of their trading day, oldest first. */
    public CompletionStage<List<Bar>> dailyYear(Feed feed, InstrumentId id, int year) {
        ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
        ZoneId zone = id.market().zone();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().minusSeconds(1);
        return yearCalls.run(new YearCall(key, year), () -> {
            MarketDataApi api = router.api(feed);
            calls.called("history_days");
            return api.historyCandles(id, BarPeriod.DAY, from, to).thenApply(bars -> restamp(bars, zone));
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(book.failureOf(e, key)));
    }

    /** The broker stamps a day bar at the start of its local date; TradingView wants 00:00 UTC of that date. */
    static List<Bar> restamp(List<Bar> bars, ZoneId zone) {
        List<Bar> out = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            LocalDate day = b.openTime().atZone(zone).toLocalDate();
            out.add(new Bar(b.instrument(), BarPeriod.DAY, TradingDayBar.stamp(day), b.open(), b.high(), b.low(), b.close(),
                    b.volume(), b.turnover()));
        }
        return out;
    }
}

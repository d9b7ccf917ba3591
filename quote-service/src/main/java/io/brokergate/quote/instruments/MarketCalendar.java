package io.brokergate.quote.instruments;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingSession;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.quote.cache.Coalescer;
import io.brokergate.quote.cache.ExpiringCache;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.BrokerCalls;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.FeedScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Trading sessions and trading days per feed, kept for {@code cache.calendar-ttl}. */
@ApplicationScoped
public class MarketCalendar {

    /** LongPort answers trading days for at most about a year per call. */
    public static final int MAX_DAYS = 366;

    private record DaysKey(FeedScope scope, Market.Region region, LocalDate from, LocalDate to) {
    }

    private final FeedRouter router;
    private final BrokerCalls calls;
    private final ExpiringCache<FeedScope, List<TradingSession>> sessions;
    private final ExpiringCache<DaysKey, TradingDays> days;
    private final Coalescer<FeedScope, List<TradingSession>> sessionCalls = new Coalescer<>();
    private final Coalescer<DaysKey, TradingDays> dayCalls = new Coalescer<>();

    public MarketCalendar(FeedRouter router, BrokerCalls calls, QuoteConfig config) {
        this.router = router;
        this.calls = calls;
        this.sessions = new ExpiringCache<>(config.cache().calendarTtl(), 10_000);
        this.days = new ExpiringCache<>(config.cache().calendarTtl(), 10_000);
    }

    /** The regular and extended sessions of a market's region, in local time. */
    public CompletionStage<List<TradingSession>> sessions(Feed feed, Market market) {
        Optional<List<TradingSession>> cached = sessions.fresh(feed.scope());
        CompletionStage<List<TradingSession>> all = cached.isPresent() ? CompletableFuture.completedFuture(cached.get())
                : sessionCalls.run(feed.scope(), () -> {
                    MarketDataApi api = router.api(feed);
                    calls.called("trading_sessions");
                    return api.tradingSessions().thenApply(s -> {
                        List<TradingSession> copy = List.copyOf(s);
                        sessions.put(feed.scope(), copy);
                        return copy;
                    });
                });
        return all.thenApply(list -> list.stream().filter(s -> s.region() == market.region()).toList());
    }

    /** Trading and half days of a market's region in {@code [from, to]}. */
    public CompletionStage<TradingDays> tradingDays(Feed feed, Market market, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw GatewayException.invalid("from (" + from + ") is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw GatewayException.invalid("at most " + MAX_DAYS + " days per calendar request");
        }
        DaysKey key = new DaysKey(feed.scope(), market.region(), from, to);
        Optional<TradingDays> cached = days.fresh(key);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        return dayCalls.run(key, () -> {
            MarketDataApi api = router.api(feed);
            calls.called("trading_days");
            return api.tradingDays(market, from, to).thenApply(d -> {
                days.put(key, d);
                return d;
            });
        });
    }
}

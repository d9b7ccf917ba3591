package io.brokergate.quote.candles;

import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.candles.BarBuckets;
import io.brokergate.core.market.candles.CandleAggregator;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.ScopedInstrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Minute bars built from pushed trades with the shared {@link CandleAggregator}, for the bars that
 * are still open: the same trades TradingView's stream shows, cut the same way. They answer only
 * while the push stream is known to be complete for the range asked: from the first whole minute
 * after pushes started, and while pushes keep arriving (a gap longer than {@code history.live-gap}
 * may mean the subscription ended or pushes were lost, so the aggregation starts over).
 */
@ApplicationScoped
public class LiveMinuteBars {

    /** Closed minutes kept per instrument: enough for the unsettled tail and a few open hour bars. */
    static final int KEEP = 240;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final long liveGapNanos;
    private final ConcurrentHashMap<ScopedInstrument, Live> lives = new ConcurrentHashMap<>();

    /** One instrument's stream state; guarded by itself. */
    private static final class Live {
        CandleAggregator aggregator;
        final ArrayDeque<Bar> closed = new ArrayDeque<>();
        Instant completeFrom = Instant.MAX;
        long lastPushNanos;
    }

    public LiveMinuteBars(QuoteConfig config) {
        this.liveGapNanos = config.history().liveGap().toNanos();
    }

    public void onTrades(ScopedInstrument key, List<TradeTick> trades, long receivedNanos) {
        if (trades.isEmpty()) {
            return;
        }
        Live live = lives.computeIfAbsent(key, k -> new Live());
        synchronized (live) {
            if (live.aggregator == null || receivedNanos - live.lastPushNanos > liveGapNanos) {
                restart(live, key, trades.get(0));
            }
            for (TradeTick t : trades) {
                live.aggregator.add(t).ifPresent(bar -> keep(live, bar));
            }
            live.lastPushNanos = receivedNanos;
        }
    }

    /** Pushes of an instrument were lost (a sequence gap, a new owner): its stream is no longer known to be complete. */
    public void forget(ScopedInstrument key) {
        lives.remove(key);
    }

    /**
     * Minute bars opening in {@code [from, to)}, if the pushes cover that range completely; bars of
     * minutes without trades are absent, as they would be in the stream.
     */
    public Optional<List<Bar>> minutes(ScopedInstrument key, Instant from, Instant to, long nowNanos) {
        Live live = lives.get(key);
        if (live == null) {
            return Optional.empty();
        }
        synchronized (live) {
            if (live.aggregator == null || nowNanos - live.lastPushNanos > liveGapNanos || from.isBefore(live.completeFrom)) {
                return Optional.empty();
            }
            List<Bar> out = new ArrayList<>();
            for (Bar b : live.closed) {
                if (!b.openTime().isBefore(from) && b.openTime().isBefore(to)) {
                    out.add(b);
                }
            }
            live.aggregator.current().filter(b -> !b.openTime().isBefore(from) && b.openTime().isBefore(to))
                    .ifPresent(out::add);
            return Optional.of(out);
        }
    }

    private static void restart(Live live, ScopedInstrument key, TradeTick first) {
        live.aggregator = new CandleAggregator(key.instrument(), BarPeriod.MIN_1);
        live.closed.clear();
        // Trades of the first minute before the pushes started were not seen.
        live.completeFrom = BarBuckets.intradayStart(first.timestamp(), BarPeriod.MIN_1, key.instrument().market().zone())
                .plus(MINUTE);
    }

    private static void keep(Live live, Bar bar) {
        live.closed.addLast(bar);
        while (live.closed.size() > KEEP) {
            Bar dropped = live.closed.removeFirst();
            Instant after = dropped.openTime().plus(MINUTE);
            if (after.isAfter(live.completeFrom)) {
                live.completeFrom = after;
            }
        }
    }
}

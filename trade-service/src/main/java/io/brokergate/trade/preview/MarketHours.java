package io.brokergate.trade.preview;

import io.brokergate.core.account.Account;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradingSession;
import io.brokergate.trade.accounts.TradingAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether a market is in its regular session, from the broker's own trading sessions (fetched once
 * per broker and half day). Weekends count as closed; exchange holidays are not known here, so a
 * holiday reads as open: a preview warns, it does not decide.
 */
@ApplicationScoped
public class MarketHours {

    private static final Duration KEEP = Duration.ofHours(12);
    private static final long LOOKUP_TIMEOUT_MS = 3_000;

    private record Cached(CompletableFuture<List<TradingSession>> sessions, Instant fetchedAt) {
    }

    private final TradingAccounts accounts;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public MarketHours(TradingAccounts accounts) {
        this.accounts = accounts;
    }

    /** The regular sessions of the market's region when it is closed at {@code now}; empty when open or unknown. */
    public Optional<String> closedNow(Account account, Market market, Instant now) {
        List<TradingSession> sessions = sessions(account);
        return sessions == null ? Optional.empty() : closed(sessions, market, now);
    }

    static Optional<String> closed(List<TradingSession> sessions, Market market, Instant now) {
        List<TradingSession> regular = sessions.stream()
                .filter(s -> s.region() == market.region() && s.type() == SessionType.REGULAR).toList();
        if (regular.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(market.zone());
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!weekend && regular.stream().anyMatch(s -> s.contains(local.toLocalTime()))) {
            return Optional.empty();
        }
        return Optional.of(regular.stream().map(s -> s.begin() + "–" + s.end()).collect(Collectors.joining(", ")));
    }

    private List<TradingSession> sessions(Account account) {
        Instant now = Instant.now();
        Cached c = cache.compute(account.broker().name(), (k, old) -> old != null && !old.sessions().isCompletedExceptionally()
                && old.fetchedAt().isAfter(now.minus(KEEP)) ? old : new Cached(fetch(account), now));
        try {
            return c.sessions().get(LOOKUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            cache.remove(account.broker().name(), c);
            return null;
        }
    }

    private CompletableFuture<List<TradingSession>> fetch(Account account) {
        try {
            return accounts.session(account).marketData().tradingSessions().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

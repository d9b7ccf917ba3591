package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.TradingSession;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.instruments.InstrumentCatalog;
import io.brokergate.quote.instruments.MarketCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The catalog as TradingView sees it: the symbols of the markets a caller has data for, grouped by
 * region, with reference data and sessions from the caller's own broker feed.
 */
@ApplicationScoped
public class TradingViewCatalog {

    private final FeedRouter router;
    private final InstrumentCatalog catalog;
    private final MarketCalendar calendar;
    private final TradingViewGroups groups;

    public TradingViewCatalog(FeedRouter router, InstrumentCatalog catalog, MarketCalendar calendar, TradingViewGroups groups) {
        this.router = router;
        this.catalog = catalog;
        this.calendar = calendar;
        this.groups = groups;
    }

    /** Catalog symbols the caller has data for, optionally of one region, in catalog order. */
    public List<InstrumentId> symbols(Caller caller, Market.Region region) {
        Set<Market> entitled = router.entitledMarkets(caller);
        return catalog.universe().stream()
                .filter(id -> entitled.contains(id.market()) && (region == null || id.market().region() == region))
                .toList();
    }

    /** Group ids with at least one symbol the caller has data for (TradingView groups are never empty). */
    public List<String> groups(Caller caller) {
        Set<Market.Region> seen = EnumSet.noneOf(Market.Region.class);
        List<String> out = new ArrayList<>();
        for (InstrumentId id : symbols(caller, null)) {
            if (seen.add(id.market().region())) {
                out.add(groups.of(id.market()));
            }
        }
        return out;
    }

    /** Reference data and sessions of the symbols the caller's brokers know, in catalog order. */
    public CompletionStage<List<SymbolInfoColumns.Row>> rows(Caller caller, List<InstrumentId> ids) {
        Map<Market, List<InstrumentId>> byMarket = new LinkedHashMap<>();
        ids.forEach(id -> byMarket.computeIfAbsent(id.market(), m -> new ArrayList<>()).add(id));
        Map<Market, CompletableFuture<Map<InstrumentId, Instrument>>> details = new LinkedHashMap<>();
        Map<Market, CompletableFuture<List<TradingSession>>> sessions = new LinkedHashMap<>();
        byMarket.forEach((m, list) -> {
            Feed feed = router.route(caller, m, null);
            details.put(m, catalog.details(feed, list).toCompletableFuture());
            sessions.put(m, calendar.sessions(feed, m).toCompletableFuture());
        });
        List<CompletableFuture<?>> all = new ArrayList<>(details.values());
        all.addAll(sessions.values());
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<SymbolInfoColumns.Row> rows = new ArrayList<>();
            for (InstrumentId id : ids) {
                Instrument i = details.get(id.market()).join().get(id);
                if (i != null) {
                    rows.add(new SymbolInfoColumns.Row(i, sessions.get(id.market()).join()));
                }
            }
            return rows;
        });
    }
}

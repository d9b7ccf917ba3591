package io.brokergate.quote.instruments;

import io.brokergate.api.security.Caller;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.quote.feeds.FeedRouter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Instrument search over the catalog of the markets the caller has data for, by symbol prefix or
 * name; a complete symbol outside the catalog is found too when the caller's broker knows it.
 */
@ApplicationScoped
public class InstrumentSearch {

    private final FeedRouter router;
    private final InstrumentCatalog catalog;

    public InstrumentSearch(FeedRouter router, InstrumentCatalog catalog) {
        this.router = router;
        this.catalog = catalog;
    }

    /** @param market only this market, or null for every market the caller has data for */
    public CompletionStage<List<Instrument>> search(Caller caller, String query, Market market, int limit) {
        String q = query.trim().toUpperCase(Locale.ROOT);
        Set<Market> entitled = router.entitledMarkets(caller);
        Set<InstrumentId> candidates = new LinkedHashSet<>();
        exactSymbol(q).filter(id -> market == null || id.market() == market).ifPresent(candidates::add);
        catalog.universe().stream().filter(id -> market == null || id.market() == market).forEach(candidates::add);
        Map<Market, List<InstrumentId>> byMarket = new LinkedHashMap<>();
        candidates.stream().filter(id -> entitled.contains(id.market()))
                .forEach(id -> byMarket.computeIfAbsent(id.market(), m -> new ArrayList<>()).add(id));
        List<CompletableFuture<Map<InstrumentId, Instrument>>> parts = new ArrayList<>();
        byMarket.forEach((m, ids) -> parts.add(catalog.details(router.route(caller, m, null), ids).toCompletableFuture()));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Instrument> hits = new ArrayList<>();
            parts.forEach(p -> p.join().values().stream().filter(i -> rank(i, q) < 3).forEach(hits::add));
            hits.sort(Comparator.comparingInt((Instrument i) -> rank(i, q)).thenComparing(i -> i.id().symbol()));
            return hits.size() <= limit ? hits : hits.subList(0, limit);
        });
    }

    /** 0 exact symbol, 1 symbol or ticker prefix, 2 name contains the query, 3 no match. */
    static int rank(Instrument i, String q) {
        String symbol = i.id().symbol();
        if (symbol.equals(q)) {
            return 0;
        }
        if (symbol.startsWith(q) || i.id().ticker().startsWith(q)) {
            return 1;
        }
        return i.name().toUpperCase(Locale.ROOT).contains(q) ? 2 : 3;
    }

    private static Optional<InstrumentId> exactSymbol(String q) {
        try {
            return Optional.of(InstrumentId.parse(q));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

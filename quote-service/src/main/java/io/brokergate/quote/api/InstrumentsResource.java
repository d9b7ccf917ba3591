package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.market.TradingSession;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.instruments.InstrumentCatalog;
import io.brokergate.quote.instruments.InstrumentSearch;
import io.brokergate.quote.instruments.MarketCalendar;
import io.brokergate.quote.quotes.QuoteService;
import io.brokergate.quote.symbols.Symbols;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/instruments}: search; {@code GET /v1/instruments/{symbol}}: reference data. */
@Path("/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "Instruments", description = "Search, reference data and trading calendars")
@SecurityRequirement(name = QuotesResource.BEARER)
public class InstrumentsResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final InstrumentCatalog catalog;
    private final InstrumentSearch search;
    private final MarketCalendar calendar;
    private final QuoteService quotes;

    public InstrumentsResource(SecurityIdentity identity, FeedRouter router, InstrumentCatalog catalog,
                               InstrumentSearch search, MarketCalendar calendar, QuoteService quotes) {
        this.identity = identity;
        this.router = router;
        this.catalog = catalog;
        this.search = search;
        this.calendar = calendar;
        this.quotes = quotes;
    }

    @GET
    @Operation(summary = "Search instruments", description = "Matches the catalog of the markets the caller has data "
            + "for by symbol prefix or name; a complete symbol is found even outside the catalog when the broker knows it.")
    @APIResponse(responseCode = "200", description = "Matches, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResults.class),
                    examples = @ExampleObject(name = "tencent", value = Examples.SEARCH)))
    @APIResponse(responseCode = "400", description = "No query, an unknown market or a bad limit",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad input", value = Examples.BAD_REQUEST)))
    public CompletionStage<SearchResults> search(
            @Parameter(description = "Symbol prefix or part of the name", example = "tencent", required = true)
            @QueryParam("query") String query,
            @Parameter(description = "Only this market (HK, US, SH, SZ, SG, …)", example = "HK") @QueryParam("market") String market,
            @Parameter(description = "At most this many, 1 to 100; default 20", example = "20") @QueryParam("limit") String limit) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            if (query == null || query.isBlank()) {
                throw GatewayException.invalid("query is required: a symbol prefix or part of a name");
            }
            Market m = market == null || market.isBlank() ? null : market(market);
            int n = TimeParams.count("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
            return search.search(caller, query, m, n)
                    .thenApply(list -> new SearchResults(list.stream().map(SearchHit::of).toList()));
        });
    }

    @GET
    @Path("/{symbol}")
    @Operation(summary = "Reference data of one instrument",
            description = "Name, type, market, currency, lot size, tick size (and the whole tick schedule) and the trading sessions.")
    @APIResponse(responseCode = "200", description = "The instrument",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstrumentView.class),
                    examples = @ExampleObject(name = "700.HK", value = Examples.INSTRUMENT)))
    @APIResponse(responseCode = "404", description = "Unknown symbol", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unknown symbol", value = Examples.UNKNOWN_SYMBOL)))
    public CompletionStage<InstrumentView> instrument(
            @Parameter(description = "Canonical symbol", example = "700.HK") @PathParam("symbol") String symbol,
            @Parameter(description = "Account whose market data to use") @QueryParam("account") String account) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            InstrumentId id = Symbols.parse(symbol);
            Feed feed = router.route(caller, id.market(), QuotesResource.blankToNull(account));
            // The tick at the last price (HKEX's table depends on it); without a price, the finest tier.
            CompletableFuture<Instrument> instrument = catalog.require(feed, id).toCompletableFuture();
            CompletableFuture<List<TradingSession>> sessions = calendar.sessions(feed, id.market()).toCompletableFuture();
            CompletableFuture<BigDecimal> last = quotes.quotes(feed, List.of(id), false)
                    .handle((q, e) -> q == null || q.get(id) == null ? null : q.get(id).last()).toCompletableFuture();
            return CompletableFuture.allOf(instrument, sessions, last)
                    .thenApply(v -> InstrumentView.of(instrument.join(), last.join(), sessions.join()));
        });
    }

    static Market market(String code) {
        try {
            return Market.parse(code);
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid(e.getMessage() + ": use HK, US, SH, SZ, SG, NSE, BSE, NFO, BFO, CDS or MCX");
        }
    }
}

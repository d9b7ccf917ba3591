package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.quote.candles.HistoryRange;
import io.brokergate.quote.candles.HistoryService;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.instruments.InstrumentCatalog;
import io.brokergate.quote.symbols.Symbols;
import io.brokergate.quote.time.MarketClock;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/candles}: bars of one symbol at 1, 5, 15, 30, 60 minutes, D, W or M. */
@Path("/v1/candles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "Market data")
@SecurityRequirement(name = QuotesResource.BEARER)
public class CandlesResource {

    static final int DEFAULT_LIMIT = 500;

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final InstrumentCatalog catalog;
    private final HistoryService history;
    private final MarketClock clock;
    private final QuoteConfig config;

    public CandlesResource(SecurityIdentity identity, FeedRouter router, InstrumentCatalog catalog, HistoryService history,
                           MarketClock clock, QuoteConfig config) {
        this.identity = identity;
        this.router = router;
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
        this.config = config;
    }

    @GET
    @Operation(summary = "Candles of one symbol",
            description = "Bars opening in [from, to] (both inclusive), oldest first; at most `limit` of them (the latest). "
                    + "Without `from`: the latest `limit` bars up to `to`. Every resolution is aggregated from 1-minute "
                    + "bars (intraday) or daily bars with one aggregator, so it matches the live stream: intraday bars "
                    + "start on multiples of their length from local midnight of the exchange; D, W and M bars are "
                    + "stamped 00:00 UTC of their (first) trading day. A bar never changes once closed.")
    @APIResponse(responseCode = "200", description = "Bars, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandlesView.class),
                    examples = @ExampleObject(name = "five-minute bars", value = Examples.CANDLES)))
    @APIResponse(responseCode = "400", description = "Unsupported resolution, from after to, a range longer than allowed "
            + "(31 days intraday, 30 years daily by default) or a bad limit",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad input", value = Examples.BAD_REQUEST)))
    @APIResponse(responseCode = "404", description = "Unknown symbol", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unknown symbol", value = Examples.UNKNOWN_SYMBOL)))
    public CompletionStage<CandlesView> candles(
            @Parameter(description = "Canonical symbol", example = "700.HK", required = true) @QueryParam("symbol") String symbol,
            @Parameter(description = "1, 5, 15, 30, 60, D, W or M (also 1D, 1W, 1M)", example = "5", required = true)
            @QueryParam("resolution") String resolution,
            @Parameter(description = "Earliest bar open time: Unix seconds or ISO-8601", example = "1772415000")
            @QueryParam("from") String from,
            @Parameter(description = "Latest bar open time: Unix seconds or ISO-8601; default now", example = "1772436600")
            @QueryParam("to") String to,
            @Parameter(description = "At most this many bars (the latest); default 500", example = "500")
            @QueryParam("limit") String limit,
            @Parameter(description = "Account whose market data to use; default: the caller's best account for the market")
            @QueryParam("account") String account) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            InstrumentId id = Symbols.parse(symbol);
            BarPeriod period = HistoryRange.resolution(resolution);
            Instant end = TimeParams.instant("to", to, clock.now());
            Instant start = TimeParams.instant("from", from, null);
            int max = TimeParams.count("limit", limit, DEFAULT_LIMIT, config.history().maxBars());
            if (start != null) {
                HistoryRange.check(period, start, end, config.history()); // before any broker call
            }
            Feed feed = router.route(caller, id.market(), QuotesResource.blankToNull(account));
            return catalog.require(feed, id)
                    .thenCompose(i -> start == null ? history.latest(feed, id, period, end, max)
                            : history.bars(feed, id, period, start, end).thenApply(bars -> latest(bars, max)))
                    .thenApply(bars -> new CandlesView(id.symbol(), period.resolution(), bars.stream().map(BarView::of).toList()));
        });
    }

    private static List<Bar> latest(List<Bar> bars, int max) {
        return bars.size() <= max ? bars : bars.subList(bars.size() - max, bars.size());
    }
}

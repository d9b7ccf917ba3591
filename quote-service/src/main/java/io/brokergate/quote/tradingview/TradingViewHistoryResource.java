package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.quote.api.Examples;
import io.brokergate.quote.api.TimeParams;
import io.brokergate.quote.candles.HistoryRange;
import io.brokergate.quote.candles.HistoryService;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.instruments.InstrumentCatalog;
import io.brokergate.quote.symbols.Symbols;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * TradingView data integration {@code GET /history}: bars whose time lies in {@code [from, to]}
 * (inclusive), as columns. Accepts the server-to-server token and user tokens.
 */
@Path("/tv/history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "TradingView")
@SecurityRequirement(name = "bearer")
public class TradingViewHistoryResource {

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final InstrumentCatalog catalog;
    private final HistoryService history;
    private final QuoteConfig config;

    public TradingViewHistoryResource(SecurityIdentity identity, FeedRouter router, InstrumentCatalog catalog,
                                      HistoryService history, QuoteConfig config) {
        this.identity = identity;
        this.router = router;
        this.catalog = catalog;
        this.history = history;
        this.config = config;
    }

    @GET
    @Operation(summary = "TradingView history", description = "Daily bars are stamped 00:00 UTC of their trading day, "
            + "weekly and monthly bars 00:00 UTC of their first trading day; a range without data answers empty arrays; "
            + "a bar never changes after it closed; bars built from /streaming match these.")
    @APIResponse(responseCode = "200", description = "Bars as columns, or {\"s\":\"error\"} for bad input",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "two daily bars", value = Examples.TV_HISTORY),
                    @ExampleObject(name = "no data", value = Examples.TV_HISTORY_EMPTY),
                    @ExampleObject(name = "error", value = Examples.TV_ERROR)}))
    public CompletionStage<TvResponses.History> history(
            @Parameter(description = "Symbol", example = "700.HK", required = true) @QueryParam("symbol") String symbol,
            @Parameter(description = "1, 5, 15, 30, 60, D, W or M", example = "D", required = true) @QueryParam("resolution") String resolution,
            @Parameter(description = "Leftmost bar time, Unix seconds, inclusive", example = "1772323200", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Rightmost bar time, Unix seconds, inclusive; may be in the future", example = "1772409600",
                    required = true) @QueryParam("to") String to,
            @Parameter(description = "Deprecated: the latest N bars up to `to`; `from` is then ignored", example = "300")
            @QueryParam("countback") String countback) {
        return TradingViewErrors.guard("/tv/history", () -> {
            Caller caller = Callers.require(identity);
            InstrumentId id = Symbols.parse(symbol);
            BarPeriod period = HistoryRange.resolution(resolution);
            Instant end = TimeParams.required("to", to);
            Integer count = countback == null || countback.isBlank() ? null
                    : TimeParams.count("countback", countback, 1, config.history().maxBars());
            Instant start = count == null ? TimeParams.required("from", from) : null;
            if (start != null) {
                HistoryRange.check(period, start, end, config.history());
            }
            Feed feed = router.route(caller, id.market(), null);
            return catalog.require(feed, id)
                    .thenCompose(i -> count != null ? history.latest(feed, id, period, end, count)
                            : history.bars(feed, id, period, start, end))
                    .thenApply(TradingViewHistoryResource::columns);
        });
    }

    static TvResponses.History columns(List<Bar> bars) {
        List<Long> t = new ArrayList<>(bars.size());
        List<BigDecimal> o = new ArrayList<>(bars.size());
        List<BigDecimal> h = new ArrayList<>(bars.size());
        List<BigDecimal> l = new ArrayList<>(bars.size());
        List<BigDecimal> c = new ArrayList<>(bars.size());
        List<Long> v = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            t.add(b.openTime().getEpochSecond());
            o.add(b.open());
            h.add(b.high());
            l.add(b.low());
            c.add(b.close());
            v.add(b.volume());
        }
        return new TvResponses.History("ok", t, o, h, l, c, v);
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}

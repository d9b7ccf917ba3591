package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.quotes.RecentTrades;
import io.brokergate.quote.symbols.Symbols;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/trades}: the latest prints of one symbol. */
@Path("/v1/trades")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "Market data")
@SecurityRequirement(name = QuotesResource.BEARER)
public class TradesResource {

    static final int DEFAULT_COUNT = 50;

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final RecentTrades trades;
    private final QuoteConfig config;

    public TradesResource(SecurityIdentity identity, FeedRouter router, RecentTrades trades, QuoteConfig config) {
        this.identity = identity;
        this.router = router;
        this.trades = trades;
        this.config = config;
    }

    @GET
    @Operation(summary = "Recent trades of one symbol")
    @APIResponse(responseCode = "200", description = "The latest prints, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TradesView.class),
                    examples = @ExampleObject(name = "one print", value = Examples.TRADES)))
    @APIResponse(responseCode = "404", description = "Unknown symbol", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unknown symbol", value = Examples.UNKNOWN_SYMBOL)))
    public CompletionStage<TradesView> trades(
            @Parameter(description = "Canonical symbol", example = "700.HK", required = true) @QueryParam("symbol") String symbol,
            @Parameter(description = "How many, 1 to 1000; default 50", example = "50") @QueryParam("count") String count,
            @Parameter(description = "Account whose market data to use") @QueryParam("account") String account) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            InstrumentId id = Symbols.parse(symbol);
            int n = TimeParams.count("count", count, DEFAULT_COUNT, config.requests().maxTrades());
            return trades.trades(router.route(caller, id.market(), QuotesResource.blankToNull(account)), id, n)
                    .thenApply(list -> new TradesView(id.symbol(), list.stream().map(TradeView::of).toList()));
        });
    }
}

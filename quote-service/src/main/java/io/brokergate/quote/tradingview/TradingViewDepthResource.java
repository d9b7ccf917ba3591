package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.quote.api.CallerKinds;
import io.brokergate.quote.api.Examples;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.quotes.DepthService;
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
import java.util.ArrayList;
import java.util.Collections;
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

/** TradingView {@code GET /depth}: the order book of one instrument, both sides ascending by price. */
@Path("/tv/depth")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "TradingView")
@SecurityRequirement(name = "bearer")
public class TradingViewDepthResource {

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final DepthService depths;

    public TradingViewDepthResource(SecurityIdentity identity, FeedRouter router, DepthService depths) {
        this.identity = identity;
        this.router = router;
        this.depths = depths;
    }

    @GET
    @Operation(summary = "TradingView depth of market", description = "User tokens only.")
    @APIResponse(responseCode = "200", description = "The book, or {\"s\":\"error\"} for a business error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "ok", value = Examples.TV_DEPTH),
                    @ExampleObject(name = "error", value = Examples.TV_ERROR)}))
    public CompletionStage<TvResponses.Depth> depth(
            @Parameter(description = "Locale", example = "en") @QueryParam("locale") String locale,
            @Parameter(description = "The user's account", example = "acc-1", required = true) @QueryParam("accountId") String accountId,
            @Parameter(description = "Symbol", example = "700.HK", required = true) @QueryParam("symbol") String symbol) {
        return TradingViewErrors.guard("/tv/depth", () -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            String account = TradingViewQuotesResource.requireAccount(accountId);
            InstrumentId id = Symbols.parse(symbol);
            return depths.depth(router.route(caller, id.market(), account), id).thenApply(TradingViewDepthResource::book);
        });
    }

    /** Core books are best first; TradingView wants both sides ascending by price. */
    static TvResponses.Depth book(Depth d) {
        List<List<BigDecimal>> bids = levels(d.bids());
        Collections.reverse(bids);
        return new TvResponses.Depth("ok", new TvResponses.Book(levels(d.asks()), bids));
    }

    private static List<List<BigDecimal>> levels(List<DepthLevel> levels) {
        List<List<BigDecimal>> out = new ArrayList<>(levels.size());
        levels.forEach(l -> out.add(List.of(l.price(), l.quantity())));
        return out;
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}

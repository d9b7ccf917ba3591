package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.instrument.InstrumentId;
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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/depth}: the order book of one symbol. */
@Path("/v1/depth")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "Market data")
@SecurityRequirement(name = QuotesResource.BEARER)
public class DepthResource {

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final DepthService depths;

    public DepthResource(SecurityIdentity identity, FeedRouter router, DepthService depths) {
        this.identity = identity;
        this.router = router;
        this.depths = depths;
    }

    @GET
    @Operation(summary = "Order book of one symbol", description = "Pushed or fetched within the last second, else one "
            + "broker call shared by identical requests in flight.")
    @APIResponse(responseCode = "200", description = "Price levels, best first on each side",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepthView.class),
                    examples = @ExampleObject(name = "two levels", value = Examples.DEPTH)))
    @APIResponse(responseCode = "404", description = "Unknown symbol", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unknown symbol", value = Examples.UNKNOWN_SYMBOL)))
    public CompletionStage<DepthView> depth(
            @Parameter(description = "Canonical symbol", example = "700.HK", required = true) @QueryParam("symbol") String symbol,
            @Parameter(description = "Account whose market data to use") @QueryParam("account") String account) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            InstrumentId id = Symbols.parse(symbol);
            return depths.depth(router.route(caller, id.market(), QuotesResource.blankToNull(account)), id)
                    .thenApply(DepthView::of);
        });
    }
}

package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.quote.api.Examples;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** TradingView data integration {@code GET /symbol_info[?group=]}: the symbols, as columns. */
@Path("/tv/symbol_info")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "TradingView")
@SecurityRequirement(name = "bearer")
public class TradingViewSymbolInfoResource {

    private final SecurityIdentity identity;
    private final TradingViewCatalog catalog;
    private final TradingViewGroups groups;
    private final TradingViewSymbols symbols;

    public TradingViewSymbolInfoResource(SecurityIdentity identity, TradingViewCatalog catalog, TradingViewGroups groups,
                                         TradingViewSymbols symbols) {
        this.identity = identity;
        this.catalog = catalog;
        this.groups = groups;
        this.symbols = symbols;
    }

    @GET
    @Operation(summary = "TradingView symbol info", description = "The catalog symbols of the markets the caller has "
            + "data for; with `group`, those of one group (see /tv/groups). Accepts the server-to-server token.")
    @APIResponse(responseCode = "200", description = "Columns, or {\"s\":\"error\"}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "one symbol", value = Examples.TV_SYMBOL_INFO),
                    @ExampleObject(name = "error", value = Examples.TV_ERROR)}))
    public CompletionStage<Map<String, Object>> symbolInfo(
            @Parameter(description = "A group id from /tv/groups", example = "brokergate_hk") @QueryParam("group") String group) {
        return TradingViewErrors.guard("/tv/symbol_info", () -> {
            Caller caller = Callers.require(identity);
            Market.Region region = null;
            if (group != null && !group.isBlank()) {
                region = groups.region(group.trim()).orElseThrow(() -> GatewayException.invalid("unknown group '"
                        + group.trim() + "': see /tv/groups"));
            }
            List<InstrumentId> ids = catalog.symbols(caller, region);
            if (ids.isEmpty()) {
                throw GatewayException.notFound(region == null ? "no symbols: none of your accounts has market data"
                        : "no symbols in group " + group.trim() + " for your accounts");
            }
            return catalog.rows(caller, ids).thenApply(rows -> {
                if (rows.isEmpty()) {
                    throw GatewayException.notFound("the broker knows none of the catalog symbols");
                }
                return SymbolInfoColumns.of(rows, symbols);
            });
        });
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}

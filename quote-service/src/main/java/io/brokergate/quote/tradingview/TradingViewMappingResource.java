package io.brokergate.quote.tradingview;

import io.brokergate.core.error.GatewayException;
import io.brokergate.quote.api.Examples;
import io.brokergate.quote.instruments.InstrumentCatalog;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * TradingView {@code GET /mapping}, without authentication (TradingView reads it when the broker is
 * added): every catalog symbol and its TradingView symbol. Static: no broker call, no tenant data.
 */
@Path("/tv/mapping")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "TradingView")
public class TradingViewMappingResource {

    private final InstrumentCatalog catalog;
    private final TradingViewSymbols symbols;

    public TradingViewMappingResource(InstrumentCatalog catalog, TradingViewSymbols symbols) {
        this.catalog = catalog;
        this.symbols = symbols;
    }

    @GET
    @Operation(summary = "TradingView symbol mapping", description = "No authentication.")
    @APIResponse(responseCode = "200", description = "Broker symbol to TradingView symbol",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two symbols", value = Examples.TV_MAPPING)))
    public TvResponses.Mapping mapping() {
        return new TvResponses.Mapping(catalog.universe().stream()
                .map(id -> new TvResponses.SymbolMapping(List.of(id.symbol()), symbols.tradingViewSymbol(id))).toList(),
                List.of("brokerSymbol"));
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}

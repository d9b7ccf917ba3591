package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.quote.api.Examples;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** TradingView data integration {@code GET /groups}: one symbol group per market region. */
@Path("/tv/groups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "TradingView")
@SecurityRequirement(name = "bearer")
public class TradingViewGroupsResource {

    private final SecurityIdentity identity;
    private final TradingViewCatalog catalog;

    public TradingViewGroupsResource(SecurityIdentity identity, TradingViewCatalog catalog) {
        this.identity = identity;
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "TradingView symbol groups", description = "Groups with symbols the caller (the integration's "
            + "tenant) has data for. Accepts the server-to-server token.")
    @APIResponse(responseCode = "200", description = "Group ids", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two regions", value = Examples.TV_GROUPS)))
    public CompletionStage<TvResponses.Groups> groups() {
        return TradingViewErrors.guard("/tv/groups", () -> CompletableFuture.completedFuture(new TvResponses.Groups("ok",
                new TvResponses.GroupList(catalog.groups(Callers.require(identity)).stream().map(TvResponses.Group::new).toList()))));
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}

package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.quote.api.CallerKinds;
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

/** TradingView {@code GET /permissions}: the groups a user may see, from the markets of their accounts. */
@Path("/tv/permissions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "TradingView")
@SecurityRequirement(name = "bearer")
public class TradingViewPermissionsResource {

    private final SecurityIdentity identity;
    private final TradingViewCatalog catalog;

    public TradingViewPermissionsResource(SecurityIdentity identity, TradingViewCatalog catalog) {
        this.identity = identity;
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "TradingView permissions", description = "Called by TradingView's server with the user's token; "
            + "user tokens only.")
    @APIResponse(responseCode = "200", description = "Group ids", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two regions", value = Examples.TV_PERMISSIONS)))
    public CompletionStage<TvResponses.Permissions> permissions() {
        return TradingViewErrors.guard("/tv/permissions", () -> CompletableFuture.completedFuture(new TvResponses.Permissions(
                "ok", new TvResponses.PermissionGroups(catalog.groups(CallerKinds.requireNotServer(Callers.require(identity)))))));
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}

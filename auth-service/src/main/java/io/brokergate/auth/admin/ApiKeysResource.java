package io.brokergate.auth.admin;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.apikeys.ApiKeyFormat;
import io.brokergate.auth.apikeys.ApiKeys;
import io.brokergate.auth.apikeys.CreatedApiKey;
import io.brokergate.auth.apikeys.NewApiKey;
import io.brokergate.core.error.GatewayException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /v1/admin/api-keys}: the tenant's API keys. The key itself appears only in the creation response. */
@Path("/v1/admin/api-keys")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    private final AdminRequest request;
    private final ApiKeys keys;

    public ApiKeysResource(AdminRequest request, ApiKeys keys) {
        this.request = request;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ApiKeyCreated> create(ApiKeyRequest body) {
        Caller caller = request.caller();
        ApiKeyRequest r = Inputs.body(body);
        String name = Inputs.text("name", r.name(), 100);
        Set<String> scopes = Inputs.scopes(r.scopes());
        Set<String> accounts = Inputs.ids("accounts", r.accounts(), ApiKeys.MAX_ACCOUNTS, 36);
        CreatedApiKey created = keys.create(caller, new NewApiKey(name, scopes, accounts, r.expiresAt()), request.source());
        return RestResponse.status(Response.Status.CREATED, new ApiKeyCreated(created.plaintext(), ApiKeyView.of(created.key())));
    }

    @GET
    public List<ApiKeyView> list() {
        return keys.list(request.tenantId()).stream().map(ApiKeyView::of).toList();
    }

    @GET
    @Path("/{id}")
    public ApiKeyView get(@PathParam("id") String id) {
        if (!ApiKeyFormat.isKeyId(id)) {
            throw missing();
        }
        return keys.find(request.tenantId(), id).map(ApiKeyView::of).orElseThrow(ApiKeysResource::missing);
    }

    @DELETE
    @Path("/{id}")
    public void revoke(@PathParam("id") String id) {
        keys.revoke(request.caller(), id, request.source());
    }

    private static GatewayException missing() {
        return GatewayException.notFound("no such api key");
    }
}

package io.brokergate.trade.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/risk/limits}: the caller's tenant's limits, tenant-wide, per account and per API key.
 * PUT replaces a scope's whole limits document (see {@link RiskLimitsJson}); the change applies on
 * this pod before the answer and on the others within the sync interval.
 */
@Path("/v1/risk/limits")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
public class RiskLimitsResource {

    private final SecurityIdentity identity;
    private final RiskAdmin admin;

    public RiskLimitsResource(SecurityIdentity identity, RiskAdmin admin) {
        this.identity = identity;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "Every scope of the tenant that has limits")
    public ArrayNode list() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        admin.list(caller()).forEach(l -> out.add(RiskLimitsView.of(l)));
        return out;
    }

    @GET
    @Path("/tenant")
    @Operation(summary = "Tenant-wide limits: apply to every order of the tenant")
    public ObjectNode getTenant() {
        return get(RiskScope.TENANT, null);
    }

    @PUT
    @Path("/tenant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the tenant-wide limits (replaces the whole document)")
    public ObjectNode putTenant(String body) {
        return put(RiskScope.TENANT, null, body);
    }

    @DELETE
    @Path("/tenant")
    @Operation(summary = "Remove the tenant-wide limits")
    public void deleteTenant() {
        delete(RiskScope.TENANT, null);
    }

    @GET
    @Path("/accounts/{accountId}")
    @Operation(summary = "One account's limits")
    public ObjectNode getAccount(@PathParam("accountId") String accountId) {
        return get(RiskScope.ACCOUNT, accountId);
    }

    @PUT
    @Path("/accounts/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set one account's limits (replaces the whole document)")
    public ObjectNode putAccount(@PathParam("accountId") String accountId, String body) {
        return put(RiskScope.ACCOUNT, accountId, body);
    }

    @DELETE
    @Path("/accounts/{accountId}")
    @Operation(summary = "Remove one account's limits")
    public void deleteAccount(@PathParam("accountId") String accountId) {
        delete(RiskScope.ACCOUNT, accountId);
    }

    @GET
    @Path("/api-keys/{keyId}")
    @Operation(summary = "Limits of orders sent with one API key")
    public ObjectNode getApiKey(@PathParam("keyId") String keyId) {
        return get(RiskScope.API_KEY, keyId);
    }

    @PUT
    @Path("/api-keys/{keyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the limits of one API key (replaces the whole document)")
    public ObjectNode putApiKey(@PathParam("keyId") String keyId, String body) {
        return put(RiskScope.API_KEY, keyId, body);
    }

    @DELETE
    @Path("/api-keys/{keyId}")
    @Operation(summary = "Remove the limits of one API key")
    public void deleteApiKey(@PathParam("keyId") String keyId) {
        delete(RiskScope.API_KEY, keyId);
    }

    private ObjectNode get(RiskScope scope, String scopeId) {
        return admin.find(caller(), scope, scopeId).map(RiskLimitsView::of).orElseThrow(() -> noLimits(scope));
    }

    private ObjectNode put(RiskScope scope, String scopeId, String body) {
        return RiskLimitsView.of(admin.put(caller(), scope, scopeId, body));
    }

    private void delete(RiskScope scope, String scopeId) {
        if (!admin.delete(caller(), scope, scopeId)) {
            throw noLimits(scope);
        }
    }

    private Caller caller() {
        return Callers.require(identity);
    }

    private static GatewayException noLimits(RiskScope scope) {
        return GatewayException.notFound("no risk limits are set for this " + (scope == RiskScope.API_KEY ? "API key" : scope.wireName()));
    }
}

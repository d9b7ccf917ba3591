package io.brokergate.api.security.probe;

import io.brokergate.api.security.AccountAccess;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Endpoints that exist only in api-security's tests, protected the way services protect theirs. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    private final SecurityIdentity identity;

    public ProbeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("/trade")
    @RolesAllowed(Scopes.TRADE)
    public Map<String, Object> trade() {
        Caller caller = Callers.require(identity);
        return Map.of("subject", caller.subject(), "tenant", caller.tenantId(), "kind", caller.kind().name());
    }

    @GET
    @Path("/either")
    @RolesAllowed({Scopes.TRADE, Scopes.ADMIN})
    public String either() {
        return "ok";
    }

    @GET
    @Path("/accounts/{tenant}/{account}")
    @RolesAllowed(Scopes.TRADE)
    public Map<String, String> account(@PathParam("tenant") String tenant, @PathParam("account") String account) {
        AccountAccess.requireAccount(Callers.require(identity), tenant, account);
        return Map.of("account", account);
    }

    @GET
    @Path("/public")
    @PermitAll
    public String open() {
        return "public";
    }
}

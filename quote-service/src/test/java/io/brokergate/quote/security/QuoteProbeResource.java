package io.brokergate.quote.security;

import io.brokergate.api.security.AccountAccess;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints protected the way this service's account-scoped resources will be. */
@Path("/test/quote-probe")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
public class QuoteProbeResource {

    private final SecurityIdentity identity;

    public QuoteProbeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public String caller() {
        return "{\"subject\":\"" + Callers.require(identity).subject() + "\"}";
    }

    /** The tenant comes from the path here; real resources take it from the account directory. */
    @GET
    @Path("/accounts/{tenant}/{account}")
    public String account(@PathParam("tenant") String tenant, @PathParam("account") String account) {
        AccountAccess.requireAccount(Callers.require(identity), tenant, account);
        return "{\"account\":\"" + account + "\"}";
    }
}

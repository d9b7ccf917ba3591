package io.brokergate.trade.session;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/session}: the tenant, scopes and account grant of the presented credential, as
 * the token (or API key) states them. The account directory with names and brokers lives in
 * auth-service; this endpoint only reflects the grant, so a client can check what it may do.
 */
@Path("/v1/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    public SessionView session() {
        return SessionView.of(Callers.require(identity));
    }
}

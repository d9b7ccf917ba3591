package io.brokergate.auth.admin;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.RequestScoped;

/**
 * The verified caller of the current admin request and where it came from (for the audit log).
 * The caller is what api-security's bearer mechanism put into the identity ({@link Callers});
 * every query is confined to its tenant.
 */
@RequestScoped
public class AdminRequest {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public AdminRequest(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    /** @throws io.quarkus.security.UnauthorizedException (401) when no Brokergate credential was verified */
    public Caller caller() {
        // @RolesAllowed already refused anonymous callers; this catches a mechanism without a Caller.
        return Callers.require(identity);
    }

    public String tenantId() {
        return caller().tenantId();
    }

    /** Client address (the proxy-resolved one when forwarding headers are trusted), or null. */
    public String source() {
        if (request == null || request.getCurrent() == null) {
            return null;
        }
        SocketAddress remote = request.getCurrent().request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}

package io.brokergate.auth.admin;

import io.brokergate.api.security.Scopes;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.core.error.GatewayException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/admin/audit?limit=N}: the tenant's audit log, newest first (limit 1..1000, default 100). */
@Path("/v1/admin/audit")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    private final AdminRequest request;
    private final AuditLog audit;

    public AuditResource(AdminRequest request, AuditLog audit) {
        this.request = request;
        this.audit = audit;
    }

    /** The limit arrives as text so that a non-number is our 400 problem, not a framework 404. */
    @GET
    public List<AuditEntryView> recent(@QueryParam("limit") String limit) {
        int n = 100;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw GatewayException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return audit.recent(request.tenantId(), n).stream().map(AuditEntryView::of).toList();
    }
}

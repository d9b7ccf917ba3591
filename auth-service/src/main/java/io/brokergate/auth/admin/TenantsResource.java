package io.brokergate.auth.admin;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.bootstrap.BootstrapConfig;
import io.brokergate.auth.oauth.ClientStore;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.UserStore;
import io.brokergate.core.account.Tenant;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Tenants: a platform operator (scope {@code platform}) creates and lists them; a tenant
 * administrator sees only their own ({@code GET /v1/admin/tenant}).
 */
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    /** What a tenant's first administrator may do: everything in the tenant, nothing platform-wide. */
    static final Set<String> TENANT_ADMIN_SCOPES = Set.of(Scopes.QUOTES_READ, Scopes.ACCOUNTS_READ, Scopes.TRADE, Scopes.ADMIN);
    private static final Logger LOG = Logger.getLogger(TenantsResource.class);

    private final AdminRequest request;
    private final TenantStore tenants;
    private final UserStore users;
    private final AuditLog audit;
    private final AgroalDataSource db;
    private final ClientStore clients;
    private final List<String> consoleRedirectUris;

    public TenantsResource(AdminRequest request, TenantStore tenants, UserStore users, AuditLog audit, AgroalDataSource db,
                           ClientStore clients, BootstrapConfig console) {
        this.request = request;
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
        this.db = db;
        this.clients = clients;
        this.consoleRedirectUris = List.copyOf(console.operatorRedirectUris());
    }

    @POST
    @Path("/tenants")
    @RolesAllowed(Scopes.PLATFORM)
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<TenantCreated> create(TenantRequest body) {
        Caller caller = request.caller();
        TenantRequest r = Inputs.body(body);
        String name = Inputs.text("name", r.name(), 200);
        boolean withAdmin = r.adminLogin() != null || r.adminPassword() != null;
        String login = withAdmin ? Inputs.login(r.adminLogin()) : null;
        String password = withAdmin ? Inputs.password("admin_password", r.adminPassword()) : null;
        if (withAdmin && users.findByLogin(login).isPresent()) {
            throw new GatewayException(ErrorCode.CONFLICT, "login is already taken");
        }
        if (tenants.findByName(name).isPresent()) {
            throw nameTaken();
        }
        Tenant tenant = createTenant(name);
        UserView admin = null;
        String console = null;
        if (withAdmin) {
            try {
                admin = UsersResource.create(tenant.id(), login, password, TENANT_ADMIN_SCOPES, users);
                console = clients.createConsoleClient(tenant.id(), TENANT_ADMIN_SCOPES, consoleRedirectUris).clientId();
            } catch (RuntimeException e) {
                deleteEmptyTenant(tenant.id());
                throw e;
            }
        }
        audit.record(caller.tenantId(), caller.subject(), "tenant.create", AuditLog.Outcome.SUCCESS,
                "tenant " + tenant.id() + (admin == null ? "" : " admin user " + admin.id()), request.source());
        audit.record(tenant.id(), caller.subject(), "tenant.create", AuditLog.Outcome.SUCCESS,
                "created by a platform operator" + (admin == null ? "" : "; admin user " + admin.id()), request.source());
        return RestResponse.status(Response.Status.CREATED, new TenantCreated(TenantView.of(tenant), admin, console));
    }

    @GET
    @Path("/tenants")
    @RolesAllowed(Scopes.PLATFORM)
    public List<TenantView> list() {
        request.caller();
        return tenants.list().stream().map(TenantView::of).toList();
    }

    @GET
    @Path("/tenant")
    @RolesAllowed(Scopes.ADMIN)
    public TenantView own() {
        return tenants.findById(request.tenantId()).map(TenantView::of)
                .orElseThrow(() -> GatewayException.notFound("no such tenant"));
    }

    private Tenant createTenant(String name) {
        try {
            return tenants.create(name);
        } catch (StoreException e) {
            if (Conflicts.isUniqueViolation(e)) {
                throw nameTaken();
            }
            throw e;
        }
    }

    /** Undoes a tenant whose first administrator could not be created, so the name can be used again. */
    private void deleteEmptyTenant(String tenantId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM tenants WHERE id = ?")) {
            ps.setString(1, tenantId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("tenant %s was left without an administrator: %s", tenantId, e.getMessage());
        }
    }

    private static GatewayException nameTaken() {
        return new GatewayException(ErrorCode.CONFLICT, "a tenant with this name exists");
    }
}

package io.brokergate.auth.admin;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import io.brokergate.core.error.ErrorCode;
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

/** {@code /v1/admin/users}: the caller's tenant's users. Deleting disables (history keeps its actor). */
@Path("/v1/admin/users")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final AdminRequest request;
    private final UserStore users;
    private final TenantUsers tenantUsers;
    private final AuditLog audit;

    public UsersResource(AdminRequest request, UserStore users, TenantUsers tenantUsers, AuditLog audit) {
        this.request = request;
        this.users = users;
        this.tenantUsers = tenantUsers;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<UserView> create(UserRequest body) {
        Caller caller = request.caller();
        UserRequest r = Inputs.body(body);
        UserView created = createUser(caller, Inputs.login(r.login()), Inputs.password("password", r.password()),
                Inputs.scopes(r.scopes()));
        audit.record(caller.tenantId(), caller.subject(), "user.create", AuditLog.Outcome.SUCCESS,
                "user " + created.id() + " scopes=" + String.join(",", created.scopes()), request.source());
        return RestResponse.status(Response.Status.CREATED, created);
    }

    @GET
    public List<UserView> list() {
        return tenantUsers.list(request.tenantId());
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") String id) {
        return tenantUsers.find(request.tenantId(), id).orElseThrow(UsersResource::missing);
    }

    @DELETE
    @Path("/{id}")
    public void disable(@PathParam("id") String id) {
        Caller caller = request.caller();
        if (id.equals(caller.subject())) {
            throw new GatewayException(ErrorCode.CONFLICT, "you cannot disable yourself");
        }
        if (!tenantUsers.disable(caller.tenantId(), id)) {
            throw missing();
        }
        audit.record(caller.tenantId(), caller.subject(), "user.disable", AuditLog.Outcome.SUCCESS, "user " + id, request.source());
    }

    /** Creates a user in the caller's tenant; scopes must be ones the caller holds. */
    UserView createUser(Caller caller, String login, String password, Set<String> scopes) {
        for (String s : scopes) {
            if (!caller.hasScope(s)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "scopes: you cannot grant '" + s + "', which you do not hold");
            }
        }
        return create(caller.tenantId(), login, password, scopes, users);
    }

    /**
     * Logins are unique across tenants (TradingView's password flow sends no tenant), so a taken
     * login is a conflict whichever tenant holds it.
     */
    static UserView create(String tenantId, String login, String password, Set<String> scopes, UserStore users) {
        if (users.findByLogin(login).isPresent()) {
            throw loginTaken();
        }
        try {
            User u = users.create(tenantId, login, password, scopes);
            return new UserView(u.id(), u.login(), u.scopes().stream().sorted().toList(), false, u.createdAt());
        } catch (StoreException e) {
            if (Conflicts.isUniqueViolation(e)) {
                throw loginTaken();
            }
            throw e;
        }
    }

    private static GatewayException loginTaken() {
        return new GatewayException(ErrorCode.CONFLICT, "login is already taken");
    }

    private static GatewayException missing() {
        return GatewayException.notFound("no such user");
    }
}

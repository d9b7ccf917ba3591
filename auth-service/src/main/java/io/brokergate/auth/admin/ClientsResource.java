package io.brokergate.auth.admin;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.oauth.ClientSpec;
import io.brokergate.auth.oauth.ClientStore;
import io.brokergate.auth.oauth.CreatedClient;
import io.brokergate.auth.oauth.GrantType;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /v1/admin/clients}: the tenant's OAuth clients, stored by the authorization server's
 * {@link ClientStore} (which also checks redirect URIs, grant combinations and certificates). A
 * client never gets a scope or account its registering administrator does not hold.
 */
@Path("/v1/admin/clients")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    private static final int MAX_URIS = 20;

    private final AdminRequest request;
    private final ClientStore clients;
    private final AuditLog audit;

    public ClientsResource(AdminRequest request, ClientStore clients, AuditLog audit) {
        this.request = request;
        this.clients = clients;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ClientCreated> create(ClientRequest body) {
        Caller caller = request.caller();
        ClientRequest r = Inputs.body(body);
        String name = Inputs.text("name", r.name(), 200);
        Set<String> scopes = Inputs.scopes(r.scopes());
        for (String s : scopes) {
            if (!caller.hasScope(s)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "scopes: you cannot grant '" + s + "', which you do not hold");
            }
        }
        ClientSpec spec = new ClientSpec(name, r.confidential() == null || r.confidential(), uris("redirect_uris", r.redirectUris()),
                uris("logout_redirect_uris", r.logoutRedirectUris()), grants(r.grantTypes()), scopes,
                accounts(caller, r.accounts()), optional("certificate_pem", r.certificatePem(), 8000, false),
                optional("server_user_id", r.serverUserId(), 200, true), optional("app_url", r.appUrl(), 500, true));
        CreatedClient created = clients.create(caller.tenantId(), spec);
        audit.record(caller.tenantId(), caller.subject(), "client.create", AuditLog.Outcome.SUCCESS,
                "client " + created.clientId() + " scopes=" + String.join(",", new TreeSet<>(scopes)), request.source());
        return RestResponse.status(Response.Status.CREATED,
                new ClientCreated(created.clientId(), created.clientSecret(), ClientView.of(created.client())));
    }

    @GET
    public List<ClientView> list() {
        return clients.list(request.tenantId()).stream().map(ClientView::of).toList();
    }

    @GET
    @Path("/{id}")
    public ClientView get(@PathParam("id") String id) {
        return clients.find(request.tenantId(), id).map(ClientView::of).orElseThrow(ClientsResource::missing);
    }

    /** Issues a new secret for a confidential client; the old one stops working at once. */
    @POST
    @Path("/{id}/secret")
    public ClientCreated rotateSecret(@PathParam("id") String id) {
        Caller caller = request.caller();
        String secret = clients.rotateSecret(caller.tenantId(), id).orElseThrow(ClientsResource::missing);
        audit.record(caller.tenantId(), caller.subject(), "client.secret.rotate", AuditLog.Outcome.SUCCESS, "client " + id,
                request.source());
        return new ClientCreated(id, secret, clients.find(caller.tenantId(), id).map(ClientView::of).orElseThrow(ClientsResource::missing));
    }

    /** Deletes the client; its refresh tokens and the access tokens issued through them are revoked. */
    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") String id) {
        Caller caller = request.caller();
        if (!clients.delete(caller.tenantId(), id)) {
            throw missing();
        }
        audit.record(caller.tenantId(), caller.subject(), "client.delete", AuditLog.Outcome.SUCCESS, "client " + id, request.source());
    }

    private static List<String> uris(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_URIS) {
            throw GatewayException.invalid(field + ": at most " + MAX_URIS);
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(Inputs.text(field + " entry", v, 2000));
        }
        return out;
    }

    private static Set<GrantType> grants(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw GatewayException.invalid("grant_types: at least one is required");
        }
        Set<GrantType> out = EnumSet.noneOf(GrantType.class);
        for (String v : values) {
            out.add(grant(v));
        }
        return out;
    }

    private static GrantType grant(String wire) {
        for (GrantType g : GrantType.values()) {
            if (g.wireName().equals(wire)) {
                return g;
            }
        }
        if (GrantType.PERSONAL_JWT.equals(wire)) {
            return GrantType.JWT_BEARER;
        }
        throw GatewayException.invalid("grant_types: unknown grant type " + Inputs.quote(wire));
    }

    private static AccountGrant accounts(Caller caller, List<String> values) {
        if (values == null || values.equals(List.of("*"))) {
            if (!caller.accounts().all()) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "accounts: you cannot grant every account");
            }
            return AccountGrant.ALL;
        }
        Set<String> ids = Inputs.ids("accounts", values, 100, 36);
        if (ids.contains("*")) {
            throw GatewayException.invalid("accounts: \"*\" cannot be combined with account ids");
        }
        for (String id : ids) {
            if (!caller.accounts().allows(id)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "accounts: you cannot grant account " + Inputs.quote(id));
            }
        }
        return AccountGrant.of(ids);
    }

    /** Null stays null; otherwise bounded, and printable when {@code printableOnly} (PEM has newlines). */
    private static String optional(String field, String value, int max, boolean printableOnly) {
        if (value == null) {
            return null;
        }
        if (printableOnly) {
            return Inputs.text(field, value, max);
        }
        if (value.length() > max) {
            throw GatewayException.invalid(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static GatewayException missing() {
        return GatewayException.notFound("no such client");
    }
}

package io.brokergate.auth.admin;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.connections.BrokerConnection;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.sessions.SessionKeeper;
import io.brokergate.auth.sessions.SessionStore;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /v1/admin/connections}: the tenant's broker logins. Credentials go in, encrypted
 * (AES-256-GCM bound to the connection id), and never come out of any response or audit record.
 */
@Path("/v1/admin/connections")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

    private static final Pattern ACCOUNT_NO = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final AdminRequest request;
    private final BrokerConnectionStore store;
    private final TenantConnections connections;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final SessionKeeper keeper;
    private final AuditLog audit;
    private final List<String> insecureHosts;

    public ConnectionsResource(AdminRequest request, BrokerConnectionStore store, TenantConnections connections,
                               AccountStore accounts, SessionStore sessions, SessionKeeper keeper, AuditLog audit,
                               AuthConfig config) {
        this.request = request;
        this.store = store;
        this.connections = connections;
        this.accounts = accounts;
        this.sessions = sessions;
        this.keeper = keeper;
        this.audit = audit;
        this.insecureHosts = List.copyOf(config.admin().insecureHosts());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<ConnectionView> create(ConnectionRequest body) {
        Caller caller = request.caller();
        ConnectionRequest r = Inputs.body(body);
        BrokerId broker = ConnectionRules.broker(r.broker());
        String name = Inputs.text("name", r.name(), 200);
        Map<String, String> secrets = ConnectionRules.credentials(broker, r.credentials());
        Map<String, String> endpoints = ConnectionRules.endpoints(broker, r.endpoints(), insecureHosts);
        Instant expiry = ConnectionRules.tokenExpiry(broker, r.accessTokenExpiresAt(), Instant.now());
        BrokerConnection bc = store.create(caller.tenantId(), broker, name, secrets, endpoints);
        sessions.setTokenExpiry(bc.id(), expiry);
        audit.record(caller.tenantId(), caller.subject(), "connection.create", AuditLog.Outcome.SUCCESS,
                "connection " + bc.id() + " broker=" + broker.wireName() + " keys=" + String.join(",", secrets.keySet()),
                request.source());
        return RestResponse.status(Response.Status.CREATED, view(caller.tenantId(), bc.id()));
    }

    @GET
    public List<ConnectionView> list() {
        return connections.list(request.tenantId());
    }

    @GET
    @Path("/{id}")
    public ConnectionView get(@PathParam("id") String id) {
        return view(request.tenantId(), id);
    }

    /** Replaces every credential (re-encrypted under the current key with a fresh IV). */
    @PUT
    @Path("/{id}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionView rotate(@PathParam("id") String id, CredentialRotation body) {
        Caller caller = request.caller();
        ConnectionView existing = view(caller.tenantId(), id);
        CredentialRotation r = Inputs.body(body);
        BrokerId broker = ConnectionRules.broker(existing.broker());
        Map<String, String> secrets = ConnectionRules.credentials(broker, r.credentials());
        Instant expiry = ConnectionRules.tokenExpiry(broker, r.accessTokenExpiresAt(), Instant.now());
        store.rotateCredentials(id, secrets);
        sessions.setTokenExpiry(id, expiry);
        keeper.forget(id);
        audit.record(caller.tenantId(), caller.subject(), "connection.rotate", AuditLog.Outcome.SUCCESS,
                "connection " + id + " keys=" + String.join(",", secrets.keySet()), request.source());
        return view(caller.tenantId(), id);
    }

    /** Deletes the connection and the accounts linked through it. */
    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") String id) {
        Caller caller = request.caller();
        if (!connections.delete(caller.tenantId(), id)) {
            throw missing();
        }
        keeper.forget(id);
        audit.record(caller.tenantId(), caller.subject(), "connection.delete", AuditLog.Outcome.SUCCESS,
                "connection " + id, request.source());
    }

    @POST
    @Path("/{id}/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<AccountView> linkAccount(@PathParam("id") String id, AccountRequest body) {
        Caller caller = request.caller();
        ConnectionView connection = view(caller.tenantId(), id);
        AccountRequest r = Inputs.body(body);
        BrokerId broker = ConnectionRules.broker(connection.broker());
        String accountNo = Inputs.matching("broker_account_no", r.brokerAccountNo(), ACCOUNT_NO,
                "1 to 64 letters, digits and . _ -");
        String name = r.name() == null ? accountNo : Inputs.text("name", r.name(), 200);
        String currency = Inputs.matching("currency", r.currency(), CURRENCY, "an ISO 4217 code such as HKD");
        AccountKind kind = kind(broker, r.kind());
        Account account;
        try {
            account = accounts.create(caller.tenantId(), id, broker, accountNo, name, currency, kind);
        } catch (StoreException e) {
            if (Conflicts.isUniqueViolation(e)) {
                throw new GatewayException(ErrorCode.CONFLICT, "this connection already has that account");
            }
            throw e;
        }
        audit.record(caller.tenantId(), caller.subject(), "account.link", AuditLog.Outcome.SUCCESS,
                "account " + account.id() + " connection " + id, request.source());
        return RestResponse.status(Response.Status.CREATED, AccountView.of(account));
    }

    private static AccountKind kind(BrokerId broker, String requested) {
        if (requested == null) {
            return broker == BrokerId.PAPER ? AccountKind.PAPER : AccountKind.LIVE;
        }
        AccountKind kind = switch (requested) {
            case "live" -> AccountKind.LIVE;
            case "paper" -> AccountKind.PAPER;
            default -> throw GatewayException.invalid("kind must be live or paper");
        };
        if (broker == BrokerId.PAPER && kind != AccountKind.PAPER) {
            throw GatewayException.invalid("accounts of the paper exchange are paper accounts");
        }
        return kind;
    }

    private ConnectionView view(String tenantId, String id) {
        return connections.find(tenantId, id).orElseThrow(ConnectionsResource::missing);
    }

    private static GatewayException missing() {
        return GatewayException.notFound("no such broker connection");
    }
}

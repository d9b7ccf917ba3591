package io.brokergate.auth.internal;

import io.brokergate.api.security.cluster.AccountEntry;
import io.brokergate.api.security.cluster.ServiceCredential;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerCredentials;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code GET /internal/v1/accounts}: every account of every tenant, for the other services' pods in
 * cluster mode (their account directory), and with {@code credentials=true} the connections'
 * decrypted credentials for the socket owners. Only the services' shared credential is accepted;
 * the Ingress does not route {@code /internal} and the NetworkPolicy admits only the services.
 */
@Path("/internal/v1/accounts")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class InternalAccountsResource {

    private static final Logger LOG = Logger.getLogger(InternalAccountsResource.class);

    private final AccountStore accounts;
    private final BrokerConnectionStore connections;
    private final ServiceCredential services;

    public InternalAccountsResource(AccountStore accounts, BrokerConnectionStore connections, AuthConfig config) {
        this.accounts = accounts;
        this.connections = connections;
        this.services = new ServiceCredential(config.introspectionClientId(), config.introspectionSecret());
    }

    @GET
    @Blocking
    public String list(@QueryParam("credentials") String withCredentials,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        if (!services.accepts(authorization)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "this endpoint is for the gateway's services");
        }
        boolean credentials = "true".equals(withCredentials);
        if (withCredentials != null && !credentials && !"false".equals(withCredentials)) {
            throw new GatewayException(ErrorCode.INVALID_REQUEST, "credentials must be true or false");
        }
        List<AccountEntry> entries = entries(credentials);
        if (credentials) {
            LOG.debugf("credentials of %d account(s) read by the service at %s", entries.size(), http.remoteAddress());
        }
        return AccountEntry.list(entries).encode();
    }

    private List<AccountEntry> entries(boolean withCredentials) {
        Map<String, Optional<BrokerCredentials>> byConnection = new HashMap<>();
        List<AccountEntry> entries = new ArrayList<>();
        for (Account a : accounts.listAll()) {
            Optional<BrokerCredentials> c = withCredentials
                    ? byConnection.computeIfAbsent(a.connectionId(), connections::credentials)
                    : Optional.empty();
            if (!withCredentials || c.isPresent()) {
                entries.add(new AccountEntry(a, c));
            }
        }
        return entries;
    }
}

package io.brokergate.remote.client;

import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.messaging.shards.AccountOwners;
import io.brokergate.api.security.cluster.ServiceCredential;
import io.quarkus.arc.DefaultBean;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The sessions of a pod that holds no broker sockets (a standalone trade- or quote-service): each
 * account's calls go to its socket owner, found through {@link AccountOwners} (cluster mode: the
 * claims of {@code account-shards}). Empty while no owner is known, and always without an owner
 * lookup (cluster mode off). A process that holds sockets itself (stream-service, all-in-one)
 * brings its own {@link AccountSessions}, which replaces this default.
 */
@DefaultBean
@ApplicationScoped
public class RemoteAccountSessions implements AccountSessions {

    private static final Logger LOG = Logger.getLogger(RemoteAccountSessions.class);

    private final OwnerClient client;
    private final Map<String, BrokerSession> sessions = new ConcurrentHashMap<>();

    public RemoteAccountSessions(Vertx vertx, Instance<AccountOwners> owners, SecuritySettings security,
                                 RemoteSessionsSettings settings) {
        this.client = owners.isResolvable()
                ? new OwnerClient(vertx, owners.get(), new ServiceCredential(security.introspectionClientId(),
                        security.introspectionSecret()), OwnerClient.Limits.of(settings))
                : null;
    }

    @Override
    public Optional<BrokerSession> session(String accountId) {
        if (client == null || !client.knowsOwner(accountId)) {
            return Optional.empty();
        }
        return Optional.of(sessions.computeIfAbsent(accountId, id -> new RemoteBrokerSession(client, id)));
    }

    /** Logs how this pod reaches broker sessions; creating the bean starts the owner lookup. */
    void announce() {
        LOG.info(client == null ? "broker sessions: none (no owner lookup: cluster mode is off)"
                : "broker sessions: at each account's socket owner (owners read from the shard claims)");
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}

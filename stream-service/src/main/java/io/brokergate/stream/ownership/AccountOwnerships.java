package io.brokergate.stream.ownership;

import io.brokergate.messaging.shards.ShardAssignment;
import io.brokergate.stream.upstream.UpstreamAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Chooses how this pod owns accounts: sharded when a {@link ShardAssignment} is available (cluster
 * mode: {@code messaging-kafka} on the class path and {@code brokergate.kafka.enabled}), otherwise
 * locally (all-in-one, a single pod, tests).
 */
@ApplicationScoped
public class AccountOwnerships {

    private static final Logger LOG = Logger.getLogger(AccountOwnerships.class);

    @Produces
    @ApplicationScoped
    AccountOwnership ownership(UpstreamAccounts accounts, Instance<ShardAssignment> shards) {
        if (shards.isResolvable()) {
            LOG.info("account ownership: sharded across the cluster");
            return new ShardedAccountOwnership(shards.get(), accounts);
        }
        LOG.info("account ownership: local, every account in this process");
        return new LocalAccountOwnership(accounts);
    }
}

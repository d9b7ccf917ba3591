package io.brokergate.quote.feeds;

import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.BrokerSession;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A standalone quote-service pod holds no broker sessions (only socket owners do): it serves what the
 * market-data channel brought and answers a miss with {@code broker_unavailable}. In all-in-one,
 * stream-service's sessions replace this; the cluster issue adds routing to the owning pod.
 */
@DefaultBean
@ApplicationScoped
public class NoAccountSessions implements AccountSessions {

    @Override
    public Optional<BrokerSession> session(String accountId) {
        return Optional.empty();
    }
}

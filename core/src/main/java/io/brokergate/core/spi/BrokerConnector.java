package io.brokergate.core.spi;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.limits.OutboundLimits;
import java.util.concurrent.CompletionStage;

/**
 * Entry point of a broker adapter: declares what the broker can do and which limits it imposes,
 * and opens sessions for a connection's credentials. Implementations are thread-safe singletons.
 */
public interface BrokerConnector {

    BrokerId broker();

    Capabilities capabilities();

    /** The broker's documented per-account limits; the adapter's governor enforces them. */
    OutboundLimits outboundLimits();

    /**
     * Opens a session: validates the credentials (for example by fetching a socket token) but
     * opens long-lived sockets only when {@link BrokerSession#push()} is connected.
     */
    CompletionStage<BrokerSession> open(BrokerCredentials credentials);
}

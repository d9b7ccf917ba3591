package io.brokergate.core.spi;

import java.util.Optional;

/**
 * The open broker session of an account whose socket this process owns. Request/response calls
 * for that account (orders, quote requests) go through it so that they share the owner's sockets
 * and its one governor: LongPort's limits are per account, and its quote requests travel on the
 * single quote socket.
 */
public interface AccountSessions {

    /** Empty while the account is not owned here or its session is not open yet. */
    Optional<BrokerSession> session(String accountId);
}

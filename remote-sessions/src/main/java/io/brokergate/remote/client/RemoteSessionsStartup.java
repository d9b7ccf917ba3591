package io.brokergate.remote.client;

import io.brokergate.core.spi.AccountSessions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Starts the owner lookup at startup where {@link RemoteAccountSessions} are this application's
 * sessions, so the claims are read before the first request; elsewhere (a process with sockets of
 * its own) nothing is created.
 */
@ApplicationScoped
class RemoteSessionsStartup {

    void start(@Observes StartupEvent event, Instance<AccountSessions> sessions) {
        if (sessions.isResolvable() && sessions.get() instanceof RemoteAccountSessions remote) {
            remote.announce();
        }
    }
}

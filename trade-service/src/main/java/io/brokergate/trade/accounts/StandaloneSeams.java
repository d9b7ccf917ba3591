package io.brokergate.trade.accounts;

import io.brokergate.api.security.cluster.AuthServiceAccounts;
import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.core.account.AccountDirectory;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

/**
 * The accounts of a standalone trade-service pod (cluster mode): auth-service's account list (its
 * broker calls go through remote-sessions to each account's socket owner). all-in-one brings
 * auth-service's directory and stream-service's sessions.
 */
@ApplicationScoped
public class StandaloneSeams {

    /** auth-service's account list, re-read every {@code brokergate.security.accounts-refresh}. */
    @Produces
    @DefaultBean
    @Singleton
    @Startup
    AccountDirectory accounts(Vertx vertx, SecuritySettings security) {
        return AuthServiceAccounts.start(vertx, security, false);
    }

    void close(@Disposes AccountDirectory accounts) {
        if (accounts instanceof AuthServiceAccounts fromAuthService) {
            fromAuthService.close();
        }
    }
}

package io.brokergate.quote.feeds;

import io.brokergate.api.security.cluster.AuthServiceAccounts;
import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.core.account.AccountDirectory;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The accounts a standalone quote-service pod (cluster mode) knows: auth-service's account list,
 * re-read every {@code brokergate.security.accounts-refresh}; a caller is served the markets of its
 * own accounts. all-in-one uses auth-service's store directly.
 */
@ApplicationScoped
public class StandaloneAccounts {

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

package io.brokergate.stream.accounts;

import io.brokergate.api.security.cluster.AuthServiceAccounts;
import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.stream.upstream.ConfiguredAccounts;
import io.brokergate.stream.upstream.ConfiguredUpstreamAccounts;
import io.brokergate.stream.upstream.UpstreamAccounts;
import io.quarkus.arc.DefaultBean;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Where a standalone stream pod learns the accounts (all-in-one brings auth-service's store instead):
 * from configuration when {@code brokergate.stream.owned-accounts} lists any, otherwise from
 * auth-service's internal account list ({@code brokergate.security.accounts-url}), re-read every
 * {@code brokergate.security.accounts-refresh}.
 */
@ApplicationScoped
public class AccountSources {

    private static final Logger LOG = Logger.getLogger(AccountSources.class);

    /** Typed: as an AccountDirectory it would outrank the default one (and clash with all-in-one's store). */
    @Produces
    @Singleton
    @Typed(AuthServiceAccounts.class)
    AuthServiceAccounts authServiceAccounts(Vertx vertx, SecuritySettings security) {
        LOG.infof("accounts: auth-service's list at %s", security.accountsUrl());
        return AuthServiceAccounts.start(vertx, security, true);
    }

    void close(@Disposes AuthServiceAccounts accounts) {
        accounts.close();
    }

    /** A singleton, not a client proxy, so that {@link #directory} can tell which source is in use. */
    @Produces
    @DefaultBean
    @Singleton
    UpstreamAccounts upstreamAccounts(ConfiguredAccounts configured, Instance<AuthServiceAccounts> authService) {
        if (!configured.accounts().isEmpty()) {
            LOG.infof("accounts: %d from configuration", configured.accounts().size());
            return new ConfiguredUpstreamAccounts(configured);
        }
        return new AuthServiceUpstreamAccounts(authService.get());
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    AccountDirectory directory(UpstreamAccounts upstream) {
        return upstream instanceof AuthServiceUpstreamAccounts fromAuthService
                ? fromAuthService.directory()
                : new UpstreamAccountDirectory(upstream);
    }
}

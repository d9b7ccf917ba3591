package io.brokergate.trade.accounts;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Optional;

/**
 * What a trade-service pod uses when nothing better is deployed with it: no accounts and no
 * sessions, so every account answers 404. all-in-one brings auth-service's directory and
 * stream-service's sessions; the cluster issue brings remote ones.
 */
@ApplicationScoped
public class StandaloneSeams {

    @Produces
    @DefaultBean
    @ApplicationScoped
    AccountDirectory noAccounts() {
        return new AccountDirectory() {
            @Override
            public Optional<Account> find(String accountId) {
                return Optional.empty();
            }

            @Override
            public List<Account> forTenant(String tenantId) {
                return List.of();
            }
        };
    }
}

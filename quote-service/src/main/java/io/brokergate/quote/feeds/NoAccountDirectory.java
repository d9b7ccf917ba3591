package io.brokergate.quote.feeds;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Standalone fallback: without auth-service's account store alongside, this pod knows no accounts,
 * so every caller is told that none of its accounts serves the market. All-in-one uses auth-service's
 * directory; the cluster issue backs standalone pods with the account store.
 */
@DefaultBean
@ApplicationScoped
public class NoAccountDirectory implements AccountDirectory {

    @Override
    public Optional<Account> find(String accountId) {
        return Optional.empty();
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return List.of();
    }
}

package io.brokergate.stream.accounts;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.quarkus.arc.DefaultBean;
import io.brokergate.stream.ownership.OwnedAccount;
import io.brokergate.stream.upstream.UpstreamSessions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The accounts this pod owns: the fallback when no account store is deployed alongside (a single
 * stream pod). All-in-one uses auth-service's store; in a cluster a client may connect to a pod
 * that does not own its account, so the cluster issue backs this with the account store too.
 */
@ApplicationScoped
@DefaultBean
public class OwnedAccountDirectory implements AccountDirectory {

    private final UpstreamSessions sessions;

    public OwnedAccountDirectory(UpstreamSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Account> find(String accountId) {
        return sessions.owned().stream().map(o -> o.upstream().account()).filter(a -> a.id().equals(accountId)).findFirst();
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return sessions.owned().stream().map(OwnedAccount::upstream).map(u -> u.account())
                .filter(a -> a.tenantId().equals(tenantId)).toList();
    }
}

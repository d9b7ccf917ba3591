package io.brokergate.stream.accounts;

import io.brokergate.api.security.cluster.AuthServiceAccounts;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.stream.upstream.UpstreamAccount;
import io.brokergate.stream.upstream.UpstreamAccounts;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A cluster's accounts as auth-service lists them, with their connections' credentials: every stream
 * pod sees the same list and opens the accounts of its shards. Asked before the first read of the list
 * (an assignment right at start), it waits for that read; accounts that arrive later are announced
 * through {@link #onChange}, and ownership opens them then.
 */
final class AuthServiceUpstreamAccounts implements UpstreamAccounts {

    private static final Logger LOG = Logger.getLogger(AuthServiceUpstreamAccounts.class);
    private static final Duration FIRST_READ_WAIT = Duration.ofSeconds(15);

    private final AuthServiceAccounts accounts;

    AuthServiceUpstreamAccounts(AuthServiceAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<UpstreamAccount> owned() {
        if (!accounts.awaitFirstRead(FIRST_READ_WAIT)) {
            LOG.warnf("auth-service's account list not read within %s: owning none until it arrives", FIRST_READ_WAIT);
        }
        return accounts.entries().stream().filter(e -> e.credentials().isPresent())
                .map(e -> new UpstreamAccount(e.account(), e.credentials().get())).toList();
    }

    /** The same list as a directory (map lookups on event loops). */
    AccountDirectory directory() {
        return accounts;
    }

    @Override
    public void onChange(Runnable listener) {
        accounts.onChange(listener);
    }

}

package io.brokergate.stream.fanout;

import io.brokergate.api.security.AccountAccess;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.account.AccountDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may subscribe to what: the stream's scope, then the account's tenant and grant. */
@ApplicationScoped
public class StreamAccess {

    private final AccountDirectory directory;

    public StreamAccess(AccountDirectory directory) {
        this.directory = directory;
    }

    /** @throws GatewayException FORBIDDEN without the scope, NOT_FOUND for an unknown or foreign account */
    public Account authorize(Caller caller, StreamKind stream, String accountId) {
        if (!caller.hasScope(stream.scope())) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "stream " + stream.wireName() + " needs scope " + stream.scope());
        }
        Account account = accountId == null ? null : directory.find(accountId).orElse(null);
        AccountAccess.requireAccount(caller, account == null ? null : account.tenantId(), accountId);
        return account;
    }
}

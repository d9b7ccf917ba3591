package io.brokergate.trade.accounts;

import io.brokergate.api.security.AccountAccess;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.BrokerSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The caller's accounts and the broker sessions behind them. Another tenant's account, an
 * account outside the caller's grant and a missing account are the same 404.
 */
@ApplicationScoped
public class TradingAccounts {

    private final AccountDirectory directory;
    private final AccountSessions sessions;

    public TradingAccounts(AccountDirectory directory, AccountSessions sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    public Account require(Caller caller, String accountId) {
        Account account = directory.find(accountId).orElse(null);
        AccountAccess.requireAccount(caller, account == null ? null : account.tenantId(), accountId);
        return account;
    }

    public List<Account> visible(Caller caller) {
        return directory.forTenant(caller.tenantId()).stream().filter(a -> caller.accounts().allows(a.id())).toList();
    }

    /** The open session of the account's socket owner; 503 while it is not connected. */
    public BrokerSession session(Account account) {
        return sessions.session(account.id()).orElseThrow(() -> new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                "the broker connection of account " + account.id() + " is not open yet; retry shortly"));
    }
}

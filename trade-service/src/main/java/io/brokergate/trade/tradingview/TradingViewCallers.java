package io.brokergate.trade.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.brokers.BrokerCatalog;
import io.brokergate.trade.orders.RequestOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of a TradingView request and the account it names: another tenant's account, one
 * outside the caller's grant and a missing one are the same "account not found".
 */
@RequestScoped
public class TradingViewCallers {

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;
    private final BrokerCatalog brokers;
    private final HttpServerRequest http;

    public TradingViewCallers(SecurityIdentity identity, TradingAccounts accounts, BrokerCatalog brokers,
                              HttpServerRequest http) {
        this.identity = identity;
        this.accounts = accounts;
        this.brokers = brokers;
        this.http = http;
    }

    public Caller caller() {
        return Callers.require(identity);
    }

    public Account account(String accountId) {
        return accounts.require(caller(), accountId);
    }

    public Capabilities capabilities(Account account) {
        return brokers.find(account.broker()).map(BrokerCatalog.Entry::capabilities)
                .orElseThrow(() -> new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "no adapter for " + account.broker()));
    }

    public RequestOrigin origin() {
        String address = http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return new RequestOrigin(caller(), address);
    }
}

package io.brokergate.allinone.ownership;

import io.brokergate.allinone.paper.PaperExchange;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.stream.upstream.UpstreamAccount;
import io.brokergate.stream.upstream.UpstreamAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * All-in-one owns every account: there is one JVM, so the single-socket rule holds trivially.
 * Paper accounts are pointed at the in-process exchange, whose port is only known at run time.
 */
@ApplicationScoped
public class LocalUpstreamAccounts implements UpstreamAccounts {

    private final AccountStore accounts;
    private final BrokerConnectionStore connections;
    private final PaperExchange paper;

    public LocalUpstreamAccounts(AccountStore accounts, BrokerConnectionStore connections, PaperExchange paper) {
        this.accounts = accounts;
        this.connections = connections;
        this.paper = paper;
    }

    @Override
    public List<UpstreamAccount> owned() {
        List<UpstreamAccount> owned = new ArrayList<>();
        for (Account a : accounts.listAll()) {
            if (a.broker() == BrokerId.PAPER && !paper.isRunning()) {
                continue;
            }
            connections.credentials(a.connectionId()).ifPresent(c -> owned.add(new UpstreamAccount(a, withEndpoints(a, c))));
        }
        return owned;
    }

    private BrokerCredentials withEndpoints(Account a, BrokerCredentials c) {
        if (a.broker() != BrokerId.PAPER) {
            return c;
        }
        return new BrokerCredentials(c.broker(), c.connectionId(), c.secrets(), paper.endpoints());
    }
}

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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All-in-one owns every account: there is one JVM, so the single-socket rule holds trivially.
 * Paper accounts are pointed at the in-process exchange, whose port is only known at run time.
 * An account linked while the application runs is announced, so its socket opens at once.
 */
@ApplicationScoped
public class LocalUpstreamAccounts implements UpstreamAccounts {

    private final AccountStore accounts;
    private final BrokerConnectionStore connections;
    private final PaperExchange paper;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

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

    @Override
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    void added(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountStore.Added added) {
        changeListeners.forEach(Runnable::run);
    }

    private BrokerCredentials withEndpoints(Account a, BrokerCredentials c) {
        if (a.broker() != BrokerId.PAPER) {
            return c;
        }
        return new BrokerCredentials(c.broker(), c.connectionId(), c.secrets(), paper.endpoints());
    }
}

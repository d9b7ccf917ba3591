package io.brokergate.auth.accounts;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The account store as an in-memory directory for the services bundled with auth-service: the
 * stream routes and TradingView's once-a-second polling look accounts up on event loops, where a
 * database round trip must not happen. Accounts created here appear at once; accounts created by
 * another auth-service pod appear within the refresh interval.
 */
@ApplicationScoped
public class StoredAccountDirectory implements AccountDirectory {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final AccountStore store;
    private final Vertx vertx;
    private volatile Map<String, Account> byId = Map.of();
    private long timer = -1;

    public StoredAccountDirectory(AccountStore store, Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
    }

    /** Early, so that services starting after auth-service find the accounts. */
    void load(@Observes @Priority(50) StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(REFRESH.toMillis(), id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private void refresh() {
        byId = store.listAll().stream().collect(Collectors.toUnmodifiableMap(Account::id, Function.identity()));
    }

    /** The store announces each insert so that a new account is visible at once. */
    void added(@Observes AccountStore.Added added) {
        Map<String, Account> next = new HashMap<>(byId);
        next.put(added.account().id(), added.account());
        byId = Map.copyOf(next);
    }

    @Override
    public Optional<Account> find(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(byId.get(accountId));
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return byId.values().stream().filter(a -> a.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Account::id)).toList();
    }
}

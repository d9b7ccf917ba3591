package io.brokergate.api.security.cluster;

import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The accounts of a standalone pod (cluster mode): auth-service's account list, read at start and
 * again every {@code brokergate.security.accounts-refresh}, kept in memory so that lookups, which
 * happen on event loops, never wait for the network. Socket owners (stream-service) read it with the
 * connections' credentials. When auth-service cannot be reached the last list stays in use.
 */
public final class AuthServiceAccounts implements AccountDirectory, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuthServiceAccounts.class);
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final AuthServiceClient client;
    private final String url;
    private final ServiceCredential credential;
    private final Vertx vertx;
    private final long timer;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstRead = new CompletableFuture<>();
    private volatile Snapshot snapshot = new Snapshot(List.of());
    private volatile boolean failing;

    private record Snapshot(List<AccountEntry> entries, Map<String, Account> byId, Map<String, List<Account>> byTenant) {
        Snapshot(List<AccountEntry> entries) {
            this(List.copyOf(entries),
                    entries.stream().map(AccountEntry::account).collect(Collectors.toUnmodifiableMap(Account::id, Function.identity())),
                    entries.stream().map(AccountEntry::account).sorted(Comparator.comparing(Account::id))
                            .collect(Collectors.groupingBy(Account::tenantId, Collectors.toUnmodifiableList())));
        }
    }

    private AuthServiceAccounts(Vertx vertx, String url, ServiceCredential credential, Duration refresh, Duration timeout) {
        this.vertx = vertx;
        this.client = new AuthServiceClient(vertx, timeout);
        this.url = url;
        this.credential = credential;
        if (credential.authorization().isEmpty()) {
            LOG.warn("brokergate.security.introspection-secret is not set: this pod cannot read auth-service's accounts");
        }
        refresh();
        this.timer = vertx.setPeriodic(Math.max(100, refresh.toMillis()), id -> refresh());
    }

    /** Starts reading the account list; {@code withCredentials} only for socket owners. */
    public static AuthServiceAccounts start(Vertx vertx, SecuritySettings settings, boolean withCredentials) {
        return start(vertx, settings.accountsUrl() + (withCredentials ? "?credentials=true" : ""),
                new ServiceCredential(settings.introspectionClientId(), settings.introspectionSecret()),
                settings.accountsRefresh(), settings.httpTimeout());
    }

    public static AuthServiceAccounts start(Vertx vertx, String url, ServiceCredential credential,
                                            Duration refresh, Duration timeout) {
        return new AuthServiceAccounts(vertx, url, credential, refresh, timeout);
    }

    /**
     * Waits (not on an event loop) until the first read of the list succeeded or failed; false when
     * neither happened within the time. A list that arrives later is announced to {@link #onChange}.
     */
    public boolean awaitFirstRead(Duration timeout) {
        try {
            firstRead.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Called (on an event loop) after a read that changed the list. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Every account, with credentials if this instance reads them. */
    public List<AccountEntry> entries() {
        return snapshot.entries();
    }

    @Override
    public Optional<Account> find(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(snapshot.byId().get(accountId));
    }

    @Override
    public List<Account> forTenant(String tenantId) {
        return snapshot.byTenant().getOrDefault(tenantId, List.of());
    }

    private void refresh() {
        if (credential.authorization().isEmpty()) {
            firstRead.complete(null);
            return;
        }
        client.get(url, credential.authorization().get(), MAX_ANSWER_BYTES)
                .thenApply(body -> AccountEntry.parseList(new JsonObject(body)))
                .whenComplete((entries, error) -> {
                    if (error != null) {
                        if (!failing) {
                            LOG.warnf("auth-service's account list could not be read from %s (%s); keeping %d known account(s)",
                                    url, error.getMessage(), snapshot.entries().size());
                        }
                        failing = true;
                        firstRead.complete(null);
                        return;
                    }
                    if (failing) {
                        LOG.infof("auth-service's account list is readable again: %d account(s)", entries.size());
                    }
                    failing = false;
                    boolean changed = !entries.equals(snapshot.entries());
                    if (changed) {
                        snapshot = new Snapshot(entries);
                    }
                    firstRead.complete(null);
                    if (changed) {
                        changeListeners.forEach(Runnable::run);
                    }
                });
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        client.close();
    }
}

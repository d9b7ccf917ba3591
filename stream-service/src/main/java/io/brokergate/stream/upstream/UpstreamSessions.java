package io.brokergate.stream.upstream;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.AccountSessions;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.PushListener;
import io.brokergate.stream.ownership.AccountOwnership;
import io.brokergate.stream.ownership.OwnedAccount;
import io.brokergate.stream.publishing.AccountPublisher;
import io.brokergate.stream.publishing.AccountPublishers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Holds the one broker session (and its push socket) of every account this pod owns, driven by
 * {@link AccountOwnership}: an assigned account gets a publisher and a session (opened
 * asynchronously, retried with capped, jittered backoff when the broker refuses or is down; once a
 * socket is up the adapter reconnects by itself and reports its state here); a revoked account
 * stops publishing and its session is closed.
 */
@ApplicationScoped
public class UpstreamSessions implements AccountOwnership.Listener, AccountSessions {

    /** Runs after the application's own startup work (data seeding uses lower priorities). */
    public static final int START_PRIORITY = 100;
    static final int STOP_PRIORITY = 100;
    private static final Logger LOG = Logger.getLogger(UpstreamSessions.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);
    /** How long a revoke waits for sockets to close (and opens in flight to settle) before it lets go anyway. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final AccountOwnership ownership;
    private final BrokerConnectors connectors;
    private final AccountPublishers publishers;
    private final Event<UpstreamSessionOpened> opened;
    private final Event<UpstreamSessionClosed> closed;
    private final Vertx vertx;
    private final Map<String, UpstreamStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, BrokerSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Owned> owned = new ConcurrentHashMap<>();
    /** Opens in flight (broker session, then push socket), by account. */
    private final Map<String, CompletableFuture<?>> opening = new ConcurrentHashMap<>();
    /** Sessions of revoked accounts that are still closing; shutdown waits for them. */
    private final List<CompletableFuture<?>> closing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /** An assignment and the publisher of its events. */
    private record Owned(OwnedAccount assignment, AccountPublisher publisher) {
    }

    public UpstreamSessions(AccountOwnership ownership, BrokerConnectors connectors, AccountPublishers publishers,
                            Event<UpstreamSessionOpened> opened, Event<UpstreamSessionClosed> closed, Vertx vertx,
                            MeterRegistry meters) {
        this.ownership = ownership;
        this.connectors = connectors;
        this.publishers = publishers;
        this.opened = opened;
        this.closed = closed;
        this.vertx = vertx;
        for (UpstreamStatus.Phase phase : UpstreamStatus.Phase.values()) {
            Gauge.builder("brokergate.upstream.sessions", statuses, s -> count(s.values(), phase))
                    .description("Owned broker accounts by the state of their push socket")
                    .tag("state", phase.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
    }

    void start(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        ownership.start(this);
    }

    /**
     * Early in shutdown, before anything the sessions talk to goes away: tells consumers the
     * upstream is {@code closing} (clients reconnect elsewhere), releases ownership, closes sessions.
     */
    void stop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent event) {
        stopping = true;
        owned.values().forEach(o -> o.publisher().connection("closing", "stream pod shutting down"));
        ownership.stop();
        sessions.values().forEach(s -> closing.add(s.closeAsync().toCompletableFuture())); // any the ownership did not revoke
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("broker sessions did not close within 5 s");
        }
    }

    @Override
    public void onAssigned(Set<OwnedAccount> assigned) {
        LOG.infof("opening broker sessions for %d assigned account(s)", assigned.size());
        for (OwnedAccount a : assigned) {
            owned.put(a.accountId(), new Owned(a, publishers.create(a)));
            open(a.upstream(), FIRST_RETRY);
        }
    }

    /**
     * Stops publishing for the accounts and closes their sessions, and returns once they are closed
     * and no open is in flight for them (at most {@link #CLOSE_TIMEOUT}): in a cluster, another pod
     * may open the same accounts as soon as this returns.
     */
    @Override
    public void onRevoked(Set<String> accountIds) {
        List<CompletableFuture<?>> settling = new ArrayList<>();
        for (String id : accountIds) {
            Owned gone = owned.remove(id);
            if (gone != null) {
                gone.publisher().close();
            }
            CompletableFuture<?> inFlight = opening.remove(id);
            if (inFlight != null) {
                settling.add(inFlight); // closes its session itself once it sees the account is gone
            }
            BrokerSession session = sessions.remove(id);
            if (session != null) {
                closed.fire(new UpstreamSessionClosed(id, session));
                CompletableFuture<?> close = session.closeAsync().toCompletableFuture();
                closing.add(close);
                closing.removeIf(CompletableFuture::isDone);
                settling.add(close);
            }
            if (!stopping) {
                statuses.remove(id);
            }
        }
        awaitSettled(settling);
    }

    private static void awaitSettled(List<CompletableFuture<?>> settling) {
        if (settling.isEmpty() || Context.isOnEventLoopThread()) {
            return; // never block an event loop; only the ownership's own threads wait
        }
        try {
            CompletableFuture.allOf(settling.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("revoked broker sessions did not close within %s", CLOSE_TIMEOUT);
        } catch (ExecutionException e) {
            LOG.warnf("closing revoked broker sessions failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Collection<UpstreamStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    /** The accounts this pod owns now, with their assignment epochs. */
    public List<OwnedAccount> owned() {
        return owned.values().stream().map(Owned::assignment).toList();
    }

    /** Whether this pod holds the account's socket (its session may still be opening). */
    public boolean owns(String accountId) {
        return owned.containsKey(accountId);
    }

    /** The publisher of an owned account. */
    public Optional<AccountPublisher> publisher(String accountId) {
        return Optional.ofNullable(owned.get(accountId)).map(Owned::publisher);
    }

    /** Pushes stopped (or resumed) on a live socket: reflected in health and metrics. */
    public void reportStalled(String accountId, boolean stalled, String detail) {
        Owned o = owned.get(accountId);
        UpstreamStatus current = statuses.get(accountId);
        if (o == null || current == null) {
            return;
        }
        if (stalled && current.isLive()) {
            set(o.assignment().upstream(), UpstreamStatus.Phase.STALLED, detail);
        } else if (!stalled && current.phase() == UpstreamStatus.Phase.STALLED) {
            set(o.assignment().upstream(), UpstreamStatus.Phase.CONNECTED, detail);
        }
    }

    /** The open session of an owned account, if its socket has been opened. */
    @Override
    public Optional<BrokerSession> session(String accountId) {
        return Optional.ofNullable(sessions.get(accountId));
    }

    private void open(UpstreamAccount a, Duration retryAfter) {
        Owned assignment = owned.get(a.account().id());
        if (stopping || assignment == null) {
            return;
        }
        set(a, UpstreamStatus.Phase.OPENING, null);
        var connector = connectors.forBroker(a.account().broker());
        if (connector.isEmpty()) {
            set(a, UpstreamStatus.Phase.FAILED, "no adapter for broker " + a.account().broker());
            return;
        }
        String id = a.account().id();
        CompletableFuture<Void> attempt = connector.get().open(a.credentials())
                .thenCompose(session -> {
                    if (owned.get(a.account().id()) != assignment) {
                        return session.closeAsync(); // revoked while opening
                    }
                    sessions.put(a.account().id(), session);
                    session.push().addListener(new StateListener(a));
                    session.push().addListener(assignment.publisher());
                    return session.push().connect().thenRun(() -> {
                        assignment.publisher().publishSnapshot(session.trading());
                        opened.fire(new UpstreamSessionOpened(a.account().id(), session));
                    });
                })
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        retry(a, retryAfter, error);
                    }
                }).toCompletableFuture();
        opening.put(id, attempt);
        attempt.whenComplete((ok, error) -> opening.remove(id, attempt));
    }

    private void retry(UpstreamAccount a, Duration retryAfter, Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof GatewayException) ? error.getCause() : error;
        set(a, UpstreamStatus.Phase.FAILED, cause.getMessage());
        LOG.warnf("broker session for %s failed (%s); retrying in %d ms", a, cause.getMessage(), retryAfter.toMillis());
        BrokerSession stale = sessions.remove(a.account().id());
        if (stale != null) {
            closed.fire(new UpstreamSessionClosed(a.account().id(), stale));
            // The next session publishes for this assignment; the failed one must not interleave its last states.
            Owned assignment = owned.get(a.account().id());
            if (assignment != null) {
                stale.push().removeListener(assignment.publisher());
            }
            stale.closeAsync();
        }
        long jittered = retryAfter.toMillis() / 2 + ThreadLocalRandom.current().nextLong(retryAfter.toMillis() / 2 + 1);
        Duration next = retryAfter.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryAfter.multipliedBy(2);
        Owned retrying = owned.get(a.account().id());
        vertx.setTimer(Math.max(1, jittered), id -> {
            // Only for the assignment that failed: after a revoke and a new assignment, that one opens its own session.
            if (retrying != null && owned.get(a.account().id()) == retrying) {
                open(a, next);
            }
        });
    }

    private void set(UpstreamAccount a, UpstreamStatus.Phase phase, String detail) {
        statuses.put(a.account().id(), new UpstreamStatus(a.account().id(), a.account().broker().wireName(),
                a.account().brokerAccountNo(), phase, detail, Instant.now()));
    }

    private static double count(Collection<UpstreamStatus> all, UpstreamStatus.Phase phase) {
        return all.stream().filter(s -> s.phase() == phase).count();
    }

    /** Mirrors the adapter's connection-state events into the status table. */
    private final class StateListener implements PushListener {
        private final UpstreamAccount account;

        StateListener(UpstreamAccount account) {
            this.account = account;
        }

        @Override
        public void onConnectionState(ConnectionState state, String detail) {
            if (!stopping && !owned.containsKey(account.account().id())) {
                return; // revoked: its status is gone from health and metrics
            }
            set(account, UpstreamStatus.Phase.valueOf(state.name()), detail);
            LOG.infof("upstream %s: %s%s", account, state, detail == null ? "" : " (" + detail + ")");
        }
    }
}

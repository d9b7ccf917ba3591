package io.brokergate.stream.upstream;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.PushListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Holds the one broker session (and its push socket) of every account this pod owns. Opening is
 * asynchronous and retried with capped, jittered backoff when the broker refuses or is down; once
 * a socket is up the adapter reconnects by itself and reports its state here.
 */
@ApplicationScoped
public class UpstreamSessions {

    /** Runs after the application's own startup work (data seeding uses lower priorities). */
    public static final int START_PRIORITY = 100;
    static final int STOP_PRIORITY = 100;
    private static final Logger LOG = Logger.getLogger(UpstreamSessions.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final UpstreamAccounts accounts;
    private final BrokerConnectors connectors;
    private final Vertx vertx;
    private final Map<String, UpstreamStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, BrokerSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public UpstreamSessions(UpstreamAccounts accounts, BrokerConnectors connectors, Vertx vertx, MeterRegistry meters) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.vertx = vertx;
        for (UpstreamStatus.Phase phase : UpstreamStatus.Phase.values()) {
            Gauge.builder("brokergate.upstream.sessions", statuses, s -> count(s.values(), phase))
                    .description("Owned broker accounts by the state of their push socket")
                    .tag("state", phase.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
    }

    void start(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        List<UpstreamAccount> owned = accounts.owned();
        LOG.infof("opening broker sessions for %d owned account(s)", owned.size());
        owned.forEach(a -> open(a, FIRST_RETRY));
    }

    /** Closes sessions early in shutdown, before anything they talk to goes away. */
    void stop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent event) {
        stopping = true;
        CompletableFuture<?>[] closing = sessions.values().stream()
                .map(s -> s.closeAsync().toCompletableFuture()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("broker sessions did not close within 5 s");
        }
    }

    public Collection<UpstreamStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    private void open(UpstreamAccount a, Duration retryAfter) {
        if (stopping) {
            return;
        }
        set(a, UpstreamStatus.Phase.OPENING, null);
        var connector = connectors.forBroker(a.account().broker());
        if (connector.isEmpty()) {
            set(a, UpstreamStatus.Phase.FAILED, "no adapter for broker " + a.account().broker());
            return;
        }
        connector.get().open(a.credentials())
                .thenCompose(session -> {
                    sessions.put(a.account().id(), session);
                    session.push().addListener(new StateListener(a));
                    return session.push().connect();
                })
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        retry(a, retryAfter, error);
                    }
                });
    }

    private void retry(UpstreamAccount a, Duration retryAfter, Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof GatewayException) ? error.getCause() : error;
        set(a, UpstreamStatus.Phase.FAILED, cause.getMessage());
        LOG.warnf("broker session for %s failed (%s); retrying in %d ms", a, cause.getMessage(), retryAfter.toMillis());
        BrokerSession stale = sessions.remove(a.account().id());
        if (stale != null) {
            stale.closeAsync();
        }
        long jittered = retryAfter.toMillis() / 2 + ThreadLocalRandom.current().nextLong(retryAfter.toMillis() / 2 + 1);
        Duration next = retryAfter.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryAfter.multipliedBy(2);
        vertx.setTimer(Math.max(1, jittered), id -> open(a, next));
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
            set(account, UpstreamStatus.Phase.valueOf(state.name()), detail);
            LOG.infof("upstream %s: %s%s", account, state, detail == null ? "" : " (" + detail + ")");
        }
    }
}

package io.brokergate.auth.sessions;

import io.brokergate.auth.config.AuthConfig;
import io.brokergate.core.error.GatewayException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Keeps LongPort (and paper) sessions alive: every check interval (jittered, so that instances and
 * restarts spread out) it refreshes the access tokens that expire within the refresh window. A
 * failed connection is retried with exponential backoff; every attempt is audited by
 * {@link TokenRefresher}. The timer runs on Vert.x, the work on a worker thread.
 */
@ApplicationScoped
public class SessionKeeper {

    /** What one scan did: outcomes of attempted refreshes, failures by connection, connections waiting out a backoff. */
    public record Run(List<TokenRefresher.Outcome> outcomes, Map<String, String> failures, List<String> backingOff) {
    }

    private record Failure(int count, Instant nextAttempt) {
    }

    private static final Logger LOG = Logger.getLogger(SessionKeeper.class);
    private static final Duration FIRST_SCAN = Duration.ofSeconds(30);
    private static final Duration SHORTEST_DELAY = Duration.ofSeconds(1);

    private final TokenRefresher refresher;
    private final SessionStore sessions;
    private final Vertx vertx;
    private final AuthConfig.Sessions config;
    private final RetryBackoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private volatile long timerId = -1;
    private volatile boolean stopped;

    public SessionKeeper(TokenRefresher refresher, SessionStore sessions, Vertx vertx, AuthConfig config) {
        this.refresher = refresher;
        this.sessions = sessions;
        this.vertx = vertx;
        this.config = config.sessions();
        this.backoff = new RetryBackoff(this.config.retryInitial(), this.config.retryMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.scheduleEnabled()) {
            schedule(backoff.jitter(FIRST_SCAN));
        }
    }

    /** One scan, now, on the calling thread (blocking). */
    public synchronized Run runOnce() {
        Instant now = clock.instant();
        List<String> due = sessions.dueForRefresh(now.plus(config.refreshWindow()));
        List<TokenRefresher.Outcome> outcomes = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        for (String id : due) {
            Failure previous = failures.get(id);
            if (previous != null && now.isBefore(previous.nextAttempt())) {
                waiting.add(id);
                continue;
            }
            try {
                TokenRefresher.Outcome o = refresher.refresh(id, false);
                outcomes.add(o);
                if (o.result() != TokenRefresher.Result.BUSY) {
                    failures.remove(id);
                }
            } catch (RuntimeException e) {
                int count = previous == null ? 1 : previous.count() + 1;
                Duration delay = backoff.after(count);
                failures.put(id, new Failure(count, now.plus(delay)));
                String why = e instanceof GatewayException g ? g.code().wireName() + ": " + g.getMessage() : e.toString();
                failed.put(id, why);
                LOG.warnf("token refresh of connection %s failed (attempt %d, %s); retrying in %s", id, count, why, delay);
            }
        }
        failures.keySet().retainAll(due);
        return new Run(outcomes, failed, waiting);
    }

    /** Clears a connection's backoff, e.g. after an administrator rotated its credentials. */
    public void forget(String connectionId) {
        failures.remove(connectionId);
    }

    private void tick() {
        try {
            Run run = runOnce();
            if (!run.outcomes().isEmpty() || !run.failures().isEmpty()) {
                LOG.debugf("session scan: %d attempted, %d failed, %d backing off", run.outcomes().size(),
                        run.failures().size(), run.backingOff().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "session scan failed; next scan as scheduled");
        } finally {
            schedule(nextDelay());
        }
    }

    /** The jittered interval, or sooner when a backoff ends earlier. */
    private Duration nextDelay() {
        Duration delay = backoff.jitter(config.checkInterval());
        Instant now = clock.instant();
        for (Failure f : failures.values()) {
            Duration untilRetry = Duration.between(now, f.nextAttempt());
            if (untilRetry.compareTo(delay) < 0) {
                delay = untilRetry;
            }
        }
        return delay.compareTo(SHORTEST_DELAY) < 0 ? SHORTEST_DELAY : delay;
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> Infrastructure.getDefaultWorkerPool().execute(this::tick));
    }

    @PreDestroy
    void stop() {
        stopped = true;
        long id = timerId;
        if (id >= 0) {
            vertx.cancelTimer(id);
        }
    }
}

package io.brokergate.stream.publishing;

import io.brokergate.stream.ownership.OwnedAccount;
import io.brokergate.stream.subscriptions.OwnerSubscriptions;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.brokergate.stream.upstream.UpstreamStatus;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reports {@code stalled} when a live socket delivered no push for {@code brokergate.stream.stall-after}
 * while clients of any pod want data through it (a socket can stay open while the broker stops
 * sending). "Want" is the union of every pod's subscription intents for the account. Informational: a quiet market outside trading hours also looks like this. 0 disables.
 */
@ApplicationScoped
public class StallWatch {

    private final UpstreamSessions sessions;
    private final OwnerSubscriptions demand;
    private final Vertx vertx;
    private final Duration stallAfter;
    private final Clock clock = Clock.systemUTC();
    /** Since when each account has had client interest; a new interest must not count the idle time before it. */
    private final Map<String, Long> wantedSince = new ConcurrentHashMap<>();

    public StallWatch(UpstreamSessions sessions, OwnerSubscriptions demand, Vertx vertx,
                      @ConfigProperty(name = "brokergate.stream.stall-after", defaultValue = "30s") Duration stallAfter) {
        this.sessions = sessions;
        this.demand = demand;
        this.vertx = vertx;
        this.stallAfter = stallAfter;
    }

    void start(@Observes StartupEvent event) {
        if (!stallAfter.isZero()) {
            vertx.setPeriodic(Math.max(10, stallAfter.toMillis() / 4), id -> check());
        }
    }

    private void check() {
        long now = clock.millis();
        Map<String, UpstreamStatus> statuses = new java.util.HashMap<>();
        sessions.statuses().forEach(s -> statuses.put(s.accountId(), s));
        for (OwnedAccount owned : sessions.owned()) {
            String id = owned.accountId();
            AccountPublisher publisher = sessions.publisher(id).orElse(null);
            UpstreamStatus status = statuses.get(id);
            if (publisher == null || status == null) {
                continue;
            }
            if (!demand.isWanted(id)) {
                wantedSince.remove(id);
                continue;
            }
            long since = Math.max(wantedSince.computeIfAbsent(id, k -> now), publisher.lastPushMillis());
            if (publisher.isStalled()) {
                continue;
            }
            if (status.phase() == UpstreamStatus.Phase.STALLED) {
                sessions.reportStalled(id, false, "pushes resumed");
            } else if (status.isLive() && now - since > stallAfter.toMillis()) {
                String detail = "no push for " + (now - since) + " ms";
                publisher.markStalled(detail);
                sessions.reportStalled(id, true, detail);
            }
        }
    }
}

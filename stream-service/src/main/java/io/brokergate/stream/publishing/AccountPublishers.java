package io.brokergate.stream.publishing;

import io.brokergate.stream.ownership.OwnedAccount;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the publisher of each owned account. Settings are plain config properties (not a
 * {@code @ConfigMapping}): all-in-one bundles this module, where a mapping would be registered twice.
 */
@ApplicationScoped
public class AccountPublishers {

    private final EventSink sink;
    private final Duration refreshInterval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "account-refresh");
        t.setDaemon(true);
        return t;
    });

    public AccountPublishers(EventSink sink,
                             @ConfigProperty(name = "brokergate.stream.refresh-interval", defaultValue = "2s") Duration refreshInterval) {
        this.sink = sink;
        this.refreshInterval = refreshInterval;
    }

    public AccountPublisher create(OwnedAccount owned) {
        return new AccountPublisher(owned.upstream().account(), owned.epoch(), sink, timer, refreshInterval, Clock.systemUTC());
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }
}

package io.brokergate.stream.upstream;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.spi.BrokerConnector;
import io.brokergate.longport.adapter.LongPortConnector;
import io.brokergate.longport.adapter.LongPortSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One connector per broker, sharing the application's Vert.x and one governor timer. LongPort
 * accounts are governed by LongPort's limits, paper accounts by {@link PaperBrokerLimits}.
 */
@ApplicationScoped
public class BrokerConnectors implements CapabilityMap {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-governor");
        t.setDaemon(true);
        return t;
    });
    private final Map<BrokerId, LongPortConnector> connectors = new EnumMap<>(BrokerId.class);

    public BrokerConnectors(Vertx vertx, PaperBrokerLimits paperLimits) {
        connectors.put(BrokerId.LONGPORT, new LongPortConnector(BrokerId.LONGPORT, vertx, timer));
        connectors.put(BrokerId.PAPER, new LongPortConnector(BrokerId.PAPER, vertx, timer,
                LongPortSettings.defaults().withLimits(paperLimits.limits())));
    }

    public Optional<BrokerConnector> forBroker(BrokerId broker) {
        return Optional.ofNullable(connectors.get(broker));
    }

    @Override
    public Optional<Capabilities> of(BrokerId broker) {
        return forBroker(broker).map(BrokerConnector::capabilities);
    }

    void stop(@Observes ShutdownEvent event) {
        connectors.values().forEach(LongPortConnector::close);
        timer.shutdownNow();
    }
}

package io.brokergate.trade.brokers;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.longport.adapter.LongPortCapabilities;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The brokers this gateway can connect to, with what each adapter declares it supports. Flags
 * shown to clients (native API, TradingView {@code /config}) are derived from these entries only.
 */
@ApplicationScoped
public class BrokerCatalog {

    /** One adapter's declaration. */
    public record Entry(Capabilities capabilities, OutboundLimits limits) {
    }

    private final List<Entry> entries = List.of(
            new Entry(LongPortCapabilities.of(BrokerId.PAPER), LongPortCapabilities.LIMITS),
            new Entry(LongPortCapabilities.of(BrokerId.LONGPORT), LongPortCapabilities.LIMITS));

    public List<Entry> all() {
        return entries;
    }

    public Optional<Entry> find(BrokerId broker) {
        return entries.stream().filter(e -> e.capabilities().broker() == broker).findFirst();
    }
}

package io.brokergate.quote.feeds;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.instrument.Market;
import io.brokergate.longport.adapter.LongPortCapabilities;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Which markets each broker serves, from the adapters' capability declarations. */
@ApplicationScoped
public class BrokerMarkets {

    private final Map<BrokerId, Capabilities> capabilities = new EnumMap<>(BrokerId.class);

    public BrokerMarkets() {
        capabilities.put(BrokerId.LONGPORT, LongPortCapabilities.of(BrokerId.LONGPORT));
        capabilities.put(BrokerId.PAPER, LongPortCapabilities.of(BrokerId.PAPER));
    }

    public boolean serves(BrokerId broker, Market market) {
        Capabilities c = capabilities.get(broker);
        return c != null && c.supports(market);
    }

    public Set<Market> markets(BrokerId broker) {
        Capabilities c = capabilities.get(broker);
        return c == null ? Set.of() : c.markets();
    }
}

package io.brokergate.stream.tradingview;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.PositionView;
import io.brokergate.longport.adapter.LongPortCapabilities;
import io.brokergate.stream.upstream.CapabilityMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A capability map in which every broker nets positions (TradingView's {@code supportPositionNetting}):
 * LongPort's declaration with net and individual positions instead of one per instrument.
 * Enabled by {@link NettingStreamsProfile} only.
 */
@Alternative
@ApplicationScoped
public class NettingCapabilityMap implements CapabilityMap {

    @Override
    public Optional<Capabilities> of(BrokerId broker) {
        return Optional.of(netting(LongPortCapabilities.of(broker)));
    }

    static Capabilities netting(Capabilities c) {
        return new Capabilities(c.broker(), c.displayName() + " (netting)", c.markets(), c.orderTypes(), c.timeInForces(),
                c.modifyPrice(), c.modifyQuantity(), c.orderBrackets(), c.positionBrackets(), c.closePosition(), c.executions(),
                c.balances(), c.maxQuantityEstimate(), c.outsideRegularHours(), c.shortSelling(), c.depthLevels(),
                c.historyPeriods(), c.maxSubscriptions(), c.pushFeatures(), EnumSet.of(PositionView.NET, PositionView.INDIVIDUAL));
    }
}

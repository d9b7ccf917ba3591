package io.brokergate.core.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.TimeInForce;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void aBrokerThatDoesNotSayReportsOnePositionPerInstrument() {
        Capabilities c = new Capabilities(BrokerId.LONGPORT, "x", Set.of(Market.HK), Set.of(OrderType.LIMIT),
                Set.of(TimeInForce.DAY), true, true, false, false, false, true, true, false, false, false, 0,
                EnumSet.of(BarPeriod.DAY), 500, EnumSet.of(Capabilities.PushFeature.QUOTES));
        assertEquals(Set.of(PositionView.INSTRUMENT), c.positionViews());
        assertTrue(c.reports(PositionView.INSTRUMENT));
        assertFalse(c.reports(PositionView.NET));
        assertTrue(c.pushes(Capabilities.PushFeature.QUOTES));
        assertFalse(c.pushes(Capabilities.PushFeature.TRADES));
    }

    @Test
    void aNettingBrokerDeclaresItsViews() {
        Capabilities c = new Capabilities(BrokerId.FUTU, "x", Set.of(Market.HK), Set.of(OrderType.LIMIT),
                Set.of(TimeInForce.DAY), true, true, false, false, false, true, true, false, false, false, 0,
                EnumSet.of(BarPeriod.DAY), 500, Set.of(), EnumSet.of(PositionView.NET, PositionView.INDIVIDUAL));
        assertTrue(c.reports(PositionView.NET) && c.reports(PositionView.INDIVIDUAL));
        assertFalse(c.reports(PositionView.INSTRUMENT));
    }
}

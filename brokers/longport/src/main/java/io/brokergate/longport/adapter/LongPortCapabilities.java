package io.brokergate.longport.adapter;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.limits.OutboundLimit;
import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.mapping.OrderTypes;
import io.brokergate.longport.mapping.Symbols;
import io.brokergate.longport.mapping.TimesInForce;
import java.time.Duration;
import java.util.EnumSet;

/** What LongPort (and the paper exchange speaking its protocol) can do, and the limits it imposes. */
public final class LongPortCapabilities {

    /** Depth levels per side LongPort serves (HK level 2: 10). */
    public static final int DEPTH_LEVELS = 10;

    /** Quote: 10 calls per second and 5 in flight (longport.md §1.7). */
    private static final OutboundLimit QUOTE_LIMIT = new OutboundLimit(OutboundCategory.QUOTE, 10, Duration.ofSeconds(1),
            Duration.ZERO, 5, OutboundLimit.Overflow.QUEUE);

    /** LongPort's limits: quote 10 per second and 5 in flight; trade 30 per 30 s at least 20 ms apart (longport.md §1.7). */
    public static final OutboundLimits LIMITS = withTradeLimit(30, Duration.ofSeconds(30), Duration.ofMillis(20));

    private LongPortCapabilities() {
    }

    /**
     * LongPort's quote limit with another trade limit: for the paper exchange, which speaks LongPort
     * but whose rules are ours to set (a load test needs more than 30 orders per 30 s).
     */
    public static OutboundLimits withTradeLimit(int calls, Duration window, Duration minSpacing) {
        return OutboundLimits.of(QUOTE_LIMIT, new OutboundLimit(OutboundCategory.TRADE, calls, window, minSpacing, 0,
                OutboundLimit.Overflow.QUEUE));
    }

    public static Capabilities of(BrokerId broker) {
        String name = broker == BrokerId.PAPER ? "Paper exchange (LongPort protocol)" : "LongPort";
        return new Capabilities(broker, name, Symbols.MARKETS, OrderTypes.supported(), TimesInForce.SUPPORTED,
                true, true, false, false, false, true, true, true, true, false, DEPTH_LEVELS,
                EnumSet.allOf(BarPeriod.class), BrokerErrors.SUBSCRIPTION_CAP,
                EnumSet.of(Capabilities.PushFeature.QUOTES, Capabilities.PushFeature.DEPTH,
                        Capabilities.PushFeature.TRADES, Capabilities.PushFeature.ORDERS));
    }
}

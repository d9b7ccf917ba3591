package io.brokergate.trade.brokers;

import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.limits.OutboundLimit;
import io.brokergate.core.limits.OutboundLimits;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** JSON shape of one broker in {@code GET /v1/brokers}: enum values in lower case, sorted. */
public record BrokerView(
        String broker,
        String displayName,
        List<String> markets,
        List<String> orderTypes,
        List<String> timeInForce,
        boolean modifyPrice,
        boolean modifyQuantity,
        boolean orderBrackets,
        boolean positionBrackets,
        boolean closePosition,
        boolean executions,
        boolean balances,
        boolean maxQuantityEstimate,
        boolean outsideRegularHours,
        boolean shortSelling,
        int depthLevels,
        List<String> historyResolutions,
        int maxSubscriptions,
        List<String> pushFeatures,
        List<LimitView> outboundLimits) {

    /** A documented broker limit, e.g. {@code quote: 10 per 1000 ms, 5 in flight}. */
    public record LimitView(String category, int permits, long windowMs, long minSpacingMs, int maxInFlight) {
        static LimitView of(OutboundLimit l) {
            return new LimitView(lower(l.category()), l.permits(), l.window().toMillis(), l.minSpacing().toMillis(), l.maxInFlight());
        }
    }

    static BrokerView of(Capabilities c, OutboundLimits limits) {
        return new BrokerView(c.broker().wireName(), c.displayName(), names(c.markets()), names(c.orderTypes()),
                names(c.timeInForces()), c.modifyPrice(), c.modifyQuantity(), c.orderBrackets(), c.positionBrackets(),
                c.closePosition(), c.executions(), c.balances(), c.maxQuantityEstimate(), c.outsideRegularHours(),
                c.shortSelling(), c.depthLevels(),
                c.historyPeriods().stream().sorted().map(p -> p.resolution()).toList(),
                c.maxSubscriptions(), names(c.pushFeatures()),
                limits.all().stream().map(LimitView::of).sorted(java.util.Comparator.comparing(LimitView::category)).toList());
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().sorted().map(BrokerView::lower).toList();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

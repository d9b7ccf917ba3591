package io.brokergate.core.capability;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.TimeInForce;
import java.util.Objects;
import java.util.Set;

/**
 * What a broker supports, declared once by its adapter (like a {@code has} table). TradingView's
 * {@code /config} and {@code /accounts} flags and the native {@code GET /v1/brokers} are derived
 * from it, never written by hand per broker.
 *
 * @param maxSubscriptions symbols one push session may subscribe at once (LongPort 500)
 * @param depthLevels      price levels per side in depth data; 0 if there is none
 * @param positionViews    how positions are reported; brokers that do not say report one per instrument
 */
public record Capabilities(
        BrokerId broker,
        String displayName,
        Set<Market> markets,
        Set<OrderType> orderTypes,
        Set<TimeInForce> timeInForces,
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
        Set<BarPeriod> historyPeriods,
        int maxSubscriptions,
        Set<PushFeature> pushFeatures,
        Set<PositionView> positionViews) {

    /** Streams a broker's socket delivers. */
    public enum PushFeature { QUOTES, DEPTH, TRADES, ORDERS, EXECUTIONS }

    public Capabilities {
        Objects.requireNonNull(broker, "broker");
        markets = Set.copyOf(markets);
        orderTypes = Set.copyOf(orderTypes);
        timeInForces = Set.copyOf(timeInForces);
        historyPeriods = Set.copyOf(historyPeriods);
        pushFeatures = Set.copyOf(pushFeatures);
        positionViews = positionViews == null || positionViews.isEmpty() ? Set.of(PositionView.INSTRUMENT) : Set.copyOf(positionViews);
    }

    /** A broker that reports one position per instrument (every adapter written before position views existed). */
    public Capabilities(BrokerId broker, String displayName, Set<Market> markets, Set<OrderType> orderTypes,
                        Set<TimeInForce> timeInForces, boolean modifyPrice, boolean modifyQuantity, boolean orderBrackets,
                        boolean positionBrackets, boolean closePosition, boolean executions, boolean balances,
                        boolean maxQuantityEstimate, boolean outsideRegularHours, boolean shortSelling, int depthLevels,
                        Set<BarPeriod> historyPeriods, int maxSubscriptions, Set<PushFeature> pushFeatures) {
        this(broker, displayName, markets, orderTypes, timeInForces, modifyPrice, modifyQuantity, orderBrackets,
                positionBrackets, closePosition, executions, balances, maxQuantityEstimate, outsideRegularHours,
                shortSelling, depthLevels, historyPeriods, maxSubscriptions, pushFeatures, Set.of(PositionView.INSTRUMENT));
    }

    public boolean reports(PositionView view) {
        return positionViews.contains(view);
    }

    public boolean pushes(PushFeature feature) {
        return pushFeatures.contains(feature);
    }

    public boolean supports(OrderType type) {
        return orderTypes.contains(type);
    }

    public boolean supports(TimeInForce tif) {
        return timeInForces.contains(tif);
    }

    public boolean supports(Market market) {
        return markets.contains(market);
    }

    public boolean trailingStops() {
        return orderTypes.contains(OrderType.TRAILING_STOP) || orderTypes.contains(OrderType.TRAILING_STOP_LIMIT);
    }

    public boolean stopLimitOrders() {
        return orderTypes.contains(OrderType.STOP_LIMIT);
    }

    public boolean stopOrders() {
        return orderTypes.contains(OrderType.STOP);
    }

    /**
     * Whether the gateway can run brackets for this broker itself: it needs to see fills as they
     * happen (order pushes) to place the exits, and limit and stop orders to place them as.
     */
    public boolean gatewayBrackets() {
        return pushes(PushFeature.ORDERS) && orderTypes.contains(OrderType.LIMIT) && orderTypes.contains(OrderType.STOP);
    }

    /** Brackets natively or run by the gateway. */
    public boolean brackets() {
        return orderBrackets || gatewayBrackets();
    }
}

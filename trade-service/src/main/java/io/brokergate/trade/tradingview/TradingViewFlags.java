package io.brokergate.trade.tradingview;

import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.PositionView;
import io.brokergate.core.order.OrderType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TradingView's AccountFlags ({@code Account.config}) of an account, derived from its broker's
 * capability map and from what this facade implements, never written per broker. Every flag is
 * sent, including those equal to the spec's defaults: several defaults are true (market brackets,
 * reverse position, ...) and would otherwise claim what the broker cannot do.
 */
final class TradingViewFlags {

    private TradingViewFlags() {
    }

    static Map<String, Boolean> of(Capabilities c) {
        boolean netting = c.reports(PositionView.NET) || c.reports(PositionView.INDIVIDUAL);
        boolean perInstrument = c.reports(PositionView.INSTRUMENT);
        // The facade closes a position with a market order on the opposite side when the broker has no close call.
        boolean canClose = c.closePosition() || c.supports(OrderType.MARKET);
        boolean orderBrackets = c.orderBrackets();
        boolean positionBrackets = c.positionBrackets();
        Map<String, Boolean> f = new LinkedHashMap<>();
        // order types
        f.put("supportMarketOrders", c.supports(OrderType.MARKET));
        f.put("supportLimitOrders", c.supports(OrderType.LIMIT));
        f.put("supportStopOrders", c.stopOrders());
        f.put("supportStopLimitOrders", c.stopLimitOrders());
        // no broker in the capability model declares triggers that fire in both directions
        f.put("supportStopOrdersInBothDirections", false);
        f.put("supportStopLimitOrdersInBothDirections", false);
        f.put("supportPartialOrderExecution", c.executions());
        // modification
        f.put("supportModifyOrder", c.modifyPrice() || c.modifyQuantity());
        f.put("supportModifyOrderPrice", c.modifyPrice());
        f.put("supportEditAmount", c.modifyQuantity());
        f.put("supportModifyDuration", false);
        // brackets: native ones, or run by the gateway (brackets package) on a new order only
        boolean newOrderBrackets = c.brackets();
        f.put("supportBrackets", newOrderBrackets || positionBrackets);
        f.put("supportOrderBrackets", newOrderBrackets);
        f.put("supportAddBracketsToExistingOrder", orderBrackets);
        f.put("supportMarketBrackets", newOrderBrackets);
        f.put("supportPositionBrackets", positionBrackets && perInstrument);
        f.put("supportIndividualPositionBrackets", positionBrackets && c.reports(PositionView.INDIVIDUAL));
        f.put("supportModifyBrackets", orderBrackets || positionBrackets);
        f.put("supportStopLoss", newOrderBrackets || positionBrackets);
        f.put("supportTrailingStop", newOrderBrackets && c.trailingStops());
        // no broker in the capability model offers guaranteed stops
        f.put("supportGuaranteedStop", false);
        // positions
        f.put("supportPositions", perInstrument);
        f.put("supportPositionNetting", netting);
        f.put("supportMultiposition", c.reports(PositionView.INDIVIDUAL));
        f.put("supportClosePosition", perInstrument && canClose);
        f.put("supportPartialClosePosition", perInstrument && canClose);
        f.put("supportCloseIndividualPosition", c.reports(PositionView.INDIVIDUAL) && canClose);
        f.put("supportPartialCloseIndividualPosition", c.reports(PositionView.INDIVIDUAL) && canClose);
        // reversing a long into a short needs short selling; a native reverse call no broker has
        f.put("supportReversePosition", c.shortSelling());
        f.put("supportNativeReversePosition", false);
        // account data
        f.put("supportBalances", c.balances());
        f.put("supportExecutions", c.executions());
        f.put("supportOrdersHistory", true);
        f.put("supportPLUpdate", true);
        f.put("supportDOM", c.depthLevels() > 0);
        f.put("supportLevel2Data", c.depthLevels() > 0 && c.pushes(Capabilities.PushFeature.DEPTH));
        // what this facade implements
        f.put("supportPlaceOrderPreview", true);
        f.put("supportModifyOrderPreview", true);
        f.put("supportCustomOrderInfo", true);
        f.put("supportTrackLatency", true);
        f.put("supportLogout", true);
        f.put("supportDisplayBrokerNameInSymbolSearch", true);
        // what it does not
        f.put("supportLeverage", false);
        f.put("supportLeverageButton", false);
        f.put("supportDigitalSignature", false);
        f.put("supportCryptoExchangeOrderTicket", false);
        f.put("supportCustomAccountSummaryRow", false);
        f.put("supportPositionCustomFields", false);
        f.put("supportOrderCustomFields", false);
        f.put("supportOrderHistoryCustomFields", false);
        f.put("supportStrictCheckingLimitOrderPrice", false);
        f.put("supportRiskControlsAndInfo", false);
        // the capability model's brokers trade securities, which are counted in shares, not amounts
        f.put("showQuantityInsteadOfAmount", true);
        return f;
    }
}

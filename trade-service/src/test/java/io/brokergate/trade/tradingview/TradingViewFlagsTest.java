package io.brokergate.trade.tradingview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.PositionView;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.adapter.LongPortCapabilities;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The AccountFlags every account shows TradingView, pinned per capability. */
class TradingViewFlagsTest {

    @Test
    void longPortAndThePaperExchange() {
        Map<String, Boolean> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("supportMarketOrders", true), Map.entry("supportLimitOrders", true),
                Map.entry("supportStopOrders", true), Map.entry("supportStopLimitOrders", true),
                Map.entry("supportStopOrdersInBothDirections", false), Map.entry("supportStopLimitOrdersInBothDirections", false),
                Map.entry("supportPartialOrderExecution", true),
                Map.entry("supportModifyOrder", true), Map.entry("supportModifyOrderPrice", true),
                Map.entry("supportEditAmount", true), Map.entry("supportModifyDuration", false),
                // gateway-managed brackets: on a new order, market entries included
                Map.entry("supportBrackets", true), Map.entry("supportOrderBrackets", true),
                Map.entry("supportAddBracketsToExistingOrder", false), Map.entry("supportMarketBrackets", true),
                Map.entry("supportPositionBrackets", false), Map.entry("supportIndividualPositionBrackets", false),
                Map.entry("supportModifyBrackets", false), Map.entry("supportStopLoss", true),
                Map.entry("supportTrailingStop", true), Map.entry("supportGuaranteedStop", false),
                Map.entry("supportPositions", true), Map.entry("supportPositionNetting", false),
                Map.entry("supportMultiposition", false), Map.entry("supportClosePosition", true),
                Map.entry("supportPartialClosePosition", true), Map.entry("supportCloseIndividualPosition", false),
                Map.entry("supportPartialCloseIndividualPosition", false), Map.entry("supportReversePosition", false),
                Map.entry("supportNativeReversePosition", false), Map.entry("supportBalances", true),
                Map.entry("supportExecutions", true), Map.entry("supportOrdersHistory", true), Map.entry("supportPLUpdate", true),
                Map.entry("supportDOM", true), Map.entry("supportLevel2Data", true),
                Map.entry("supportPlaceOrderPreview", true), Map.entry("supportModifyOrderPreview", true),
                Map.entry("supportCustomOrderInfo", true), Map.entry("supportTrackLatency", true), Map.entry("supportLogout", true),
                Map.entry("supportDisplayBrokerNameInSymbolSearch", true), Map.entry("supportLeverage", false),
                Map.entry("supportLeverageButton", false), Map.entry("supportDigitalSignature", false),
                Map.entry("supportCryptoExchangeOrderTicket", false), Map.entry("supportCustomAccountSummaryRow", false),
                Map.entry("supportPositionCustomFields", false), Map.entry("supportOrderCustomFields", false),
                Map.entry("supportOrderHistoryCustomFields", false), Map.entry("supportStrictCheckingLimitOrderPrice", false),
                Map.entry("supportRiskControlsAndInfo", false), Map.entry("showQuantityInsteadOfAmount", true)));
        assertEquals(expected, new TreeMap<>(TradingViewFlags.of(LongPortCapabilities.of(BrokerId.LONGPORT))));
        assertEquals(expected, new TreeMap<>(TradingViewFlags.of(LongPortCapabilities.of(BrokerId.PAPER))));
    }

    @Test
    void eachCapabilityMovesItsFlags() {
        Map<String, Boolean> minimal = TradingViewFlags.of(broker(EnumSet.of(OrderType.LIMIT), false, false, false, false,
                Set.of(PositionView.INSTRUMENT), 0));
        assertFalse(minimal.get("supportMarketOrders"));
        assertFalse(minimal.get("supportStopOrders"));
        assertFalse(minimal.get("supportModifyOrderPrice"));
        assertFalse(minimal.get("supportEditAmount"));
        assertFalse(minimal.get("supportClosePosition"), "no market orders and no close call: nothing closes a position");
        assertFalse(minimal.get("supportDOM"));
        assertFalse(minimal.get("supportOrderBrackets"), "no stop orders: the gateway cannot run exits");
        assertFalse(minimal.get("supportReversePosition"));

        Map<String, Boolean> rich = TradingViewFlags.of(broker(EnumSet.of(OrderType.LIMIT, OrderType.TRAILING_STOP), true, true,
                true, true, Set.of(PositionView.NET, PositionView.INDIVIDUAL), 10));
        assertTrue(rich.get("supportOrderBrackets"));
        assertTrue(rich.get("supportMarketBrackets"));
        assertTrue(rich.get("supportStopLoss"));
        assertTrue(rich.get("supportTrailingStop"));
        assertTrue(rich.get("supportIndividualPositionBrackets"));
        assertFalse(rich.get("supportPositionBrackets"), "netting accounts have no /positions to bracket");
        assertTrue(rich.get("supportPositionNetting"));
        assertFalse(rich.get("supportPositions"));
        assertTrue(rich.get("supportCloseIndividualPosition"), "the broker's own close call");
        assertTrue(rich.get("supportMultiposition"));
        assertTrue(rich.get("supportReversePosition"));
    }

    private static Capabilities broker(Set<OrderType> types, boolean modify, boolean brackets, boolean close, boolean shortSelling,
                                       Set<PositionView> views, int depth) {
        return new Capabilities(BrokerId.PAPER, "Test broker", Set.of(Market.HK), types, Set.of(TimeInForce.DAY), modify, modify,
                brackets, brackets, close, true, true, false, false, shortSelling, depth, Set.of(), 100,
                Set.of(Capabilities.PushFeature.ORDERS), views);
    }
}

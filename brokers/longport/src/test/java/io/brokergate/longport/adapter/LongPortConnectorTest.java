package io.brokergate.longport.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.limits.OutboundLimit;
import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.BrokerCredentials;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class LongPortConnectorTest {

    @Test
    void capabilitiesDeclareWhatTheAdapterMaps() {
        Capabilities c = LongPortCapabilities.of(BrokerId.LONGPORT);
        assertEquals(EnumSet.of(Market.HK, Market.US, Market.SH, Market.SZ, Market.SG), c.markets());
        assertEquals(EnumSet.of(OrderType.LIMIT, OrderType.MARKET, OrderType.STOP_LIMIT, OrderType.STOP,
                OrderType.TRAILING_STOP, OrderType.ENHANCED_LIMIT, OrderType.AT_AUCTION, OrderType.AT_AUCTION_LIMIT),
                c.orderTypes());
        assertEquals(EnumSet.of(TimeInForce.DAY, TimeInForce.GOOD_TILL_CANCELLED, TimeInForce.GOOD_TILL_DATE),
                c.timeInForces());
        assertTrue(c.modifyPrice() && c.modifyQuantity());
        assertEquals(10, c.depthLevels());
        assertEquals(500, c.maxSubscriptions());
        assertEquals(EnumSet.allOf(BarPeriod.class), c.historyPeriods());
        assertEquals(EnumSet.of(Capabilities.PushFeature.QUOTES, Capabilities.PushFeature.DEPTH,
                Capabilities.PushFeature.TRADES, Capabilities.PushFeature.ORDERS), c.pushFeatures());
        assertEquals(BrokerId.PAPER, LongPortCapabilities.of(BrokerId.PAPER).broker());
    }

    @Test
    void limitsAreTheDocumentedOnes() {
        OutboundLimit quote = LongPortCapabilities.LIMITS.forCategory(OutboundCategory.QUOTE).orElseThrow();
        assertEquals(10, quote.permits());
        assertEquals(Duration.ofSeconds(1), quote.window());
        assertEquals(5, quote.maxInFlight());
        assertEquals(OutboundLimit.Overflow.QUEUE, quote.overflow());
        OutboundLimit trade = LongPortCapabilities.LIMITS.forCategory(OutboundCategory.TRADE).orElseThrow();
        assertEquals(30, trade.permits());
        assertEquals(Duration.ofSeconds(30), trade.window());
        assertEquals(Duration.ofMillis(20), trade.minSpacing());
        assertEquals(OutboundLimit.Overflow.QUEUE, trade.overflow());
    }

    @Test
    void aConnectorEnforcesLongPortsLimitsUnlessItsSettingsNameOthers() {
        LongPortConnector longPort = LongPortConnector.standalone(BrokerId.LONGPORT, LongPortSettings.defaults());
        OutboundLimits relaxed = LongPortCapabilities.withTradeLimit(5000, Duration.ofSeconds(1), Duration.ZERO);
        LongPortConnector paper = LongPortConnector.standalone(BrokerId.PAPER, LongPortSettings.defaults().withLimits(relaxed));
        try {
            assertEquals(LongPortCapabilities.LIMITS, longPort.outboundLimits());
            OutboundLimit trade = paper.outboundLimits().forCategory(OutboundCategory.TRADE).orElseThrow();
            assertEquals(new OutboundLimit(OutboundCategory.TRADE, 5000, Duration.ofSeconds(1), Duration.ZERO, 0,
                    OutboundLimit.Overflow.QUEUE), trade);
            assertEquals(LongPortCapabilities.LIMITS.forCategory(OutboundCategory.QUOTE),
                    paper.outboundLimits().forCategory(OutboundCategory.QUOTE), "only the trade limit is replaced");
        } finally {
            longPort.close().toCompletableFuture().join();
            paper.close().toCompletableFuture().join();
        }
    }

    @Test
    void endpointsDefaultToProductionForLongPortAndComeFromCredentialsForPaper() {
        BrokerCredentials live = new BrokerCredentials(BrokerId.LONGPORT, "c1", Map.of(), Map.of());
        assertEquals(LongPortEndpoints.PRODUCTION, LongPortEndpoints.of(live));
        BrokerCredentials paper = new BrokerCredentials(BrokerId.PAPER, "c2", Map.of(), Map.of(
                "http", "http://127.0.0.1:1", "quote_ws", "ws://127.0.0.1:1/q", "trade_ws", "ws://127.0.0.1:1/t"));
        assertEquals(new LongPortEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1/q", "ws://127.0.0.1:1/t"),
                LongPortEndpoints.of(paper));
        BrokerCredentials incomplete = new BrokerCredentials(BrokerId.PAPER, "c3", Map.of(), Map.of("http", "http://x"));
        assertEquals(ErrorCode.INVALID_REQUEST,
                assertThrows(GatewayException.class, () -> LongPortEndpoints.of(incomplete)).code());
    }

    @Test
    void onlyLongPortAndPaperAreServed() {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            assertThrows(IllegalArgumentException.class, () -> new LongPortConnector(BrokerId.FUTU, vertx,
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor()));
        } finally {
            vertx.close();
        }
    }

    @Test
    void openFailsClearlyWithoutCredentials() {
        LongPortConnector connector = LongPortConnector.standalone(BrokerId.PAPER, LongPortSettings.defaults());
        try {
            BrokerCredentials missing = new BrokerCredentials(BrokerId.PAPER, "c", Map.of("app_key", "k"), Map.of(
                    "http", "http://127.0.0.1:1", "quote_ws", "ws://127.0.0.1:1", "trade_ws", "ws://127.0.0.1:1"));
            CompletionException e = assertThrows(CompletionException.class,
                    () -> connector.open(missing).toCompletableFuture().join());
            assertEquals(ErrorCode.UNAUTHENTICATED, ((GatewayException) e.getCause()).code());
        } finally {
            connector.close().toCompletableFuture().join();
        }
    }
}

package io.brokergate.stream.tradingview;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.longport.adapter.LongPortCapabilities;
import io.brokergate.stream.upstream.CapabilityMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which TradingView position streams an account gets follows its broker's declared position views. */
class PositionViewsTest {

    private static final Account LONGPORT = new Account("acc-1", "tenant-a", "conn-1", BrokerId.LONGPORT, "no-1", "x", "HKD",
            AccountKind.values()[0]);
    private static final CapabilityMap REAL = broker -> Optional.of(LongPortCapabilities.of(broker));
    private static final CapabilityMap NETTING = broker -> Optional.of(NettingCapabilityMap.netting(LongPortCapabilities.of(broker)));

    @Test
    void longPortReportsOnePositionPerInstrument() {
        assertDoesNotThrow(() -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.POSITIONS, REAL));
        assertDoesNotThrow(() -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.ORDERS, REAL));
        GatewayException net = assertThrows(GatewayException.class,
                () -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.NET_POSITIONS, REAL));
        assertEquals(ErrorCode.INVALID_REQUEST, net.code());
        assertTrue(net.getMessage().startsWith("net positions are not supported by LongPort"), net.getMessage());
        assertThrows(GatewayException.class,
                () -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.INDIVIDUAL_POSITIONS, REAL));
    }

    @Test
    void aNettingBrokerGetsNetAndIndividualPositionsInsteadOfPositions() {
        assertDoesNotThrow(() -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.NET_POSITIONS, NETTING));
        assertDoesNotThrow(() -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.INDIVIDUAL_POSITIONS, NETTING));
        assertDoesNotThrow(() -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.STATE, NETTING));
        assertThrows(GatewayException.class, () -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.POSITIONS, NETTING));
    }

    @Test
    void aBrokerWithoutAnAdapterGetsNoPositionStream() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> TradingViewStreamsRoute.requireView(LONGPORT, TradingViewStream.NET_POSITIONS, broker -> Optional.empty()));
        assertTrue(e.getMessage().contains("no adapter for broker longport"), e.getMessage());
    }
}

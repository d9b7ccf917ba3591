package io.brokergate.quote.tradingview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradingSession;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolInfoColumnsTest {

    @Test
    void priceFormatFollowsTheFinestTick() {
        assertEquals(1000, SymbolInfoColumns.priceScale(new BigDecimal("0.001")));
        assertEquals(1, SymbolInfoColumns.minMovement(new BigDecimal("0.001")));
        assertEquals(100, SymbolInfoColumns.priceScale(new BigDecimal("0.05")));
        assertEquals(5, SymbolInfoColumns.minMovement(new BigDecimal("0.05")));
        assertEquals(1, SymbolInfoColumns.priceScale(new BigDecimal("5")));
        assertEquals(5, SymbolInfoColumns.minMovement(new BigDecimal("5")));
        assertEquals(100, SymbolInfoColumns.priceScale(new BigDecimal("0.0100")));
    }

    @Test
    void sessionsInTradingViewsFormat() {
        assertEquals("0930-1200,1300-1600", SymbolInfoColumns.regularSession(List.of(
                new TradingSession(Market.Region.HK, SessionType.REGULAR, LocalTime.of(9, 30), LocalTime.of(12, 0)),
                new TradingSession(Market.Region.HK, SessionType.PRE_MARKET, LocalTime.of(9, 0), LocalTime.of(9, 30)),
                new TradingSession(Market.Region.HK, SessionType.REGULAR, LocalTime.of(13, 0), LocalTime.of(16, 0)))));
        assertEquals("24x7", SymbolInfoColumns.regularSession(List.of()));
        assertEquals("1800-0000", SymbolInfoColumns.regularSession(List.of(
                new TradingSession(Market.Region.US, SessionType.REGULAR, LocalTime.of(18, 0), LocalTime.MAX))));
    }
}

package io.brokergate.core.market.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TradingDayBarTest {

    private static Quote quote(String symbol, String at, String open, String last) {
        return new Quote(InstrumentId.parse(symbol), last == null ? null : new BigDecimal(last),
                open == null ? null : new BigDecimal(open), new BigDecimal("12"), new BigDecimal("9"), null, null, null,
                null, null, 1_000, null, null, Instant.parse(at));
    }

    @Test
    void usEveningSessionBelongsToTheNewYorkCalendarDayNotTheUtcOne() {
        // 21:30 New York on 2026-11-20 is already 02:30 UTC on the 21st.
        Bar bar = TradingDayBar.of(quote("AAPL.US", "2026-11-21T02:30:00Z", "10", "11")).orElseThrow();
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), bar.openTime());
        assertEquals(BarPeriod.DAY, bar.period());
        assertEquals(0, bar.close().compareTo(new BigDecimal("11")));
        assertEquals(1_000, bar.volume());
    }

    @Test
    void hongKongMorningIsStampedWithItsOwnDate() {
        // 09:30 Hong Kong on the 21st is 01:30 UTC on the 21st.
        Bar bar = TradingDayBar.of(quote("700.HK", "2026-11-21T01:30:00Z", "10", "11")).orElseThrow();
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), bar.openTime());
    }

    @Test
    void noBarBeforeTheFirstTrade() {
        assertTrue(TradingDayBar.of(quote("700.HK", "2026-11-21T01:30:00Z", null, null)).isEmpty());
    }
}

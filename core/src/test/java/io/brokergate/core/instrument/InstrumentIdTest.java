package io.brokergate.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstrumentIdTest {

    @Test
    void marketIsThePartAfterTheLastDot() {
        assertEquals(new InstrumentId("BRK.A", Market.US), InstrumentId.parse("BRK.A.US"));
        assertEquals(new InstrumentId(".DJI", Market.US), InstrumentId.parse(".DJI.US"));
        assertEquals(new InstrumentId("700", Market.HK), InstrumentId.parse(" 700.hk "));
        assertEquals("600519.SH", InstrumentId.parse("600519.sh").symbol());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "700", "700.", ".HK", "700.XX", "700.CN", "<script>.HK", "A B.US", "'; drop table x;--.US"})
    void rejectsMalformedSymbolsWithAClearMessage(String symbol) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse(symbol));
        assertEquals(false, e.getMessage().isBlank());
    }

    @Test
    void rejectsOversizedTickers() {
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("A".repeat(10_000) + ".US"));
    }
}

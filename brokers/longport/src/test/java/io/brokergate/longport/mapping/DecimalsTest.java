package io.brokergate.longport.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void emptyMeansAbsent() {
        assertNull(Decimals.parse(""));
        assertNull(Decimals.parse(null));
        assertNull(Decimals.parsePositive("0"));
        assertEquals(BigDecimal.ZERO, Decimals.parseOrZero(""));
        assertEquals(new BigDecimal("388.5"), Decimals.parse("388.5"));
    }

    @Test
    void wireFormIsPlainWithoutTrailingZeros() {
        assertEquals("100", Decimals.toWire(new BigDecimal("1E+2")));
        assertEquals("388.5", Decimals.toWire(new BigDecimal("388.500")));
        assertEquals("0.001", Decimals.toWire(new BigDecimal("0.0010")));
    }

    @Test
    void timestampsAreUnixSecondStrings() {
        assertEquals(Instant.ofEpochSecond(1651644897), Decimals.epochSeconds("1651644897"));
        assertNull(Decimals.epochSeconds("0"));
        assertNull(Decimals.epochSeconds(""));
        assertEquals(LocalDate.of(2026, 1, 2), Decimals.date("2026-01-02"));
        assertNull(Decimals.date(""));
    }
}

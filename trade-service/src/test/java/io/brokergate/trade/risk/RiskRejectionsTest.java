package io.brokergate.trade.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RiskRejectionsTest {

    @Test
    void amountsAreGroupedPlainAndWithoutTrailingZeros() {
        assertEquals("0", RiskRejections.amount(new BigDecimal("0.000")));
        assertEquals("999", RiskRejections.amount(new BigDecimal("999")));
        assertEquals("1,000", RiskRejections.amount(new BigDecimal("1000.00")));
        assertEquals("1,250,000", RiskRejections.amount(new BigDecimal("1.25E+6")));
        assertEquals("123,456,789.5", RiskRejections.amount(new BigDecimal("123456789.50")));
        assertEquals("0.00000001", RiskRejections.amount(new BigDecimal("1E-8")));
        assertEquals("-12,345.6", RiskRejections.amount(new BigDecimal("-12345.6")));
    }

    @Test
    void durations() {
        assertEquals("1 s", RiskRejections.duration(1000));
        assertEquals("3600 s", RiskRejections.duration(3_600_000));
        assertEquals("250 ms", RiskRejections.duration(250));
    }
}

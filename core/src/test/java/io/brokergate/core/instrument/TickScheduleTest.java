package io.brokergate.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class TickScheduleTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void hkexSpreadTableTiers() {
        assertEquals(d("0.2"), TickSchedule.HKEX.tickAt(d("380")));
        assertEquals(d("0.05"), TickSchedule.HKEX.tickAt(d("20")));
        assertEquals(d("0.02"), TickSchedule.HKEX.tickAt(d("19.98")));
        assertEquals(d("0.001"), TickSchedule.HKEX.tickAt(d("0.1")));
        assertTrue(TickSchedule.HKEX.isOnTick(d("380.2")));
        assertFalse(TickSchedule.HKEX.isOnTick(d("380.1")));
        assertTrue(TickSchedule.HKEX.isOnTick(d("19.98")));
        assertFalse(TickSchedule.HKEX.isOnTick(d("19.99")));
    }

    @Test
    void usSubDollarPricesUseFourDecimals() {
        assertTrue(TickSchedule.US_EQUITY.isOnTick(d("0.1234")));
        assertFalse(TickSchedule.US_EQUITY.isOnTick(d("1.234")));
        assertTrue(TickSchedule.US_EQUITY.isOnTick(d("187.35")));
    }

    @Test
    void nonPositivePricesAreNeverOnTick() {
        assertFalse(TickSchedule.CN_A_SHARE.isOnTick(d("0")));
        assertFalse(TickSchedule.CN_A_SHARE.isOnTick(d("-1")));
    }

    @Test
    void roundingAndSteppingStayOnTheSchedule() {
        assertEquals(d("380.2"), TickSchedule.HKEX.round(d("380.27"), RoundingMode.DOWN));
        assertEquals(d("380.4"), TickSchedule.HKEX.round(d("380.27"), RoundingMode.UP));
        assertEquals(0, d("20.05").compareTo(TickSchedule.HKEX.step(d("19.98"), 2)));
        BigDecimal p = d("19.9");
        for (int i = 0; i < 20; i++) {
            p = TickSchedule.HKEX.step(p, 1);
            assertTrue(TickSchedule.HKEX.isOnTick(p), p::toPlainString);
        }
        for (int i = 0; i < 20; i++) {
            p = TickSchedule.HKEX.step(p, -1);
            assertTrue(TickSchedule.HKEX.isOnTick(p), p::toPlainString);
        }
        assertEquals(0, p.compareTo(d("19.9")));
    }
}

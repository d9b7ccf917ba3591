package io.brokergate.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.TickSchedule;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickTableTest {

    private final TickTable hkex = TickTable.of(TickSchedule.HKEX);

    private static long u(String decimal) {
        return FixedPoint.toUnits(new BigDecimal(decimal));
    }

    @Test
    void agreesWithCoreScheduleOnValidity() {
        SplittableRandom r = new SplittableRandom(7);
        for (TickSchedule s : new TickSchedule[] {TickSchedule.HKEX, TickSchedule.US_EQUITY, TickSchedule.CN_A_SHARE}) {
            TickTable t = TickTable.of(s);
            for (int i = 0; i < 20_000; i++) {
                long units = 1 + r.nextLong(60_000_000L); // up to 6,000
                assertEquals(s.isOnTick(FixedPoint.toDecimal(units)), t.isOnTick(units), "price " + FixedPoint.toDecimal(units));
            }
        }
    }

    @Test
    void stepsAcrossTierBoundariesLikeTheCoreSchedule() {
        assertEquals(u("9.99"), hkex.down(u("10")));
        assertEquals(u("10"), hkex.up(u("9.99")));
        assertEquals(u("10.02"), hkex.up(u("10")));
        assertEquals(u("10"), hkex.down(u("10.02")));
        assertEquals(u("499.8"), hkex.down(u("500")));
        assertEquals(u("500.5"), hkex.up(u("500")));
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            long p = hkex.roundDown(1 + r.nextLong(20_000_000L));
            int n = r.nextInt(-15, 16);
            BigDecimal expected = TickSchedule.HKEX.step(FixedPoint.toDecimal(p), n);
            long actual = n >= 0 ? hkex.up(p, n) : hkex.down(p, -n);
            assertEquals(0, expected.compareTo(FixedPoint.toDecimal(actual)), "from " + FixedPoint.toDecimal(p) + " by " + n);
        }
    }

    @Test
    void roundingAlwaysLandsOnTick() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long raw = 1 + r.nextLong(100_000_000L);
            long down = hkex.roundDown(raw);
            long up = hkex.roundUp(raw);
            long near = hkex.nearest(raw);
            assertTrue(hkex.isOnTick(down) && hkex.isOnTick(up) && hkex.isOnTick(near));
            assertTrue(down <= raw || raw < hkex.minPrice());
            assertTrue(up >= raw);
            assertTrue(near == down || near == up);
        }
        assertEquals(u("0.001"), hkex.minPrice());
        assertFalse(hkex.isOnTick(0));
    }

    @Test
    void refusesTicksFinerThanTheEngineUnit() {
        assertThrows(IllegalArgumentException.class, () -> TickTable.of(TickSchedule.of("0", "0.00001")));
    }
}

package io.brokergate.sim.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.TickSchedule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PriceProcessTest {

    private static long[] path(long seed, int steps) {
        TickTable ticks = TickTable.of(TickSchedule.HKEX);
        PriceProcess p = new PriceProcess(ticks, 6_400_000, 0.002, 1e-5, new SeededRandom(seed));
        long[] out = new long[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = p.next();
        }
        return out;
    }

    @Test
    void sameSeedSamePathOtherSeedOtherPath() {
        assertArrayEquals(path(1, 5000), path(1, 5000));
        assertFalse(Arrays.equals(path(1, 5000), path(2, 5000)));
    }

    @Test
    void everyPriceIsOnTheTickTableAndThePriceMoves() {
        TickTable ticks = TickTable.of(TickSchedule.HKEX);
        long[] prices = path(9, 20_000);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long p : prices) {
            assertTrue(ticks.isOnTick(p), "off tick: " + p);
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        assertTrue(max > min, "a random walk with volatility should move");
    }

    @Test
    void moveToRestartsTheWalkAtTheNearestValidPrice() {
        TickTable ticks = TickTable.of(TickSchedule.HKEX);
        PriceProcess p = new PriceProcess(ticks, 6_400_000, 0.001, 0, new SeededRandom(5));
        p.moveTo(6_001_234); // 600.1234 -> nearest on a 0.5 grid
        assertTrue(ticks.isOnTick(p.price()));
        assertTrue(Math.abs(p.price() - 6_001_234) <= 2_500);
    }
}

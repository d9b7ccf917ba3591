package io.brokergate.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.TickSchedule;
import io.brokergate.core.order.Side;
import org.junit.jupiter.api.Test;

class LadderGeneratorTest {

    @Test
    void tenLevelsPerSideOnTickInWholeLotsAcrossATierBoundary() {
        TickTable ticks = TickTable.of(TickSchedule.HKEX);
        LadderGenerator gen = new LadderGenerator(ticks, 400, 12, 10, new SeededRandom(4));
        Ladder ladder = new Ladder(10);
        // 10.00 is a tier boundary: bids below it tick by 0.01, asks above by 0.02.
        for (long bestBid : new long[] {100_000, 99_900, 6_400_000, 1_050_000}) {
            gen.regenerate(ladder, bestBid);
            assertEquals(10, ladder.levels(Side.BUY));
            assertEquals(10, ladder.levels(Side.SELL));
            assertTrue(ladder.price(Side.BUY, 0) < ladder.price(Side.SELL, 0), "bid below ask");
            assertEquals(ticks.up(bestBid), ladder.price(Side.SELL, 0), "one-tick spread");
            for (int i = 0; i < 10; i++) {
                for (Side side : Side.values()) {
                    assertTrue(ticks.isOnTick(ladder.price(side, i)));
                    assertTrue(ladder.size(side, i) > 0 && ladder.size(side, i) % 400 == 0, "whole lots");
                    assertTrue(ladder.orders(side, i) >= 1);
                }
                if (i > 0) {
                    assertEquals(ticks.down(ladder.price(Side.BUY, i - 1)), ladder.price(Side.BUY, i));
                    assertEquals(ticks.up(ladder.price(Side.SELL, i - 1)), ladder.price(Side.SELL, i));
                }
            }
        }
    }

    @Test
    void consumingALevelReducesItsSizeAndSkipsItWhenEmpty() {
        TickTable ticks = TickTable.of(TickSchedule.US_EQUITY);
        LadderGenerator gen = new LadderGenerator(ticks, 1, 100, 10, new SeededRandom(1));
        Ladder ladder = new Ladder(10);
        gen.regenerate(ladder, 2_650_000);
        long size = ladder.size(Side.SELL, 0);
        ladder.consume(Side.SELL, 0, size);
        assertEquals(0, ladder.size(Side.SELL, 0));
        assertEquals(1, ladder.bestLevel(Side.SELL));
        assertEquals(0, ladder.bestLevel(Side.BUY));
    }
}

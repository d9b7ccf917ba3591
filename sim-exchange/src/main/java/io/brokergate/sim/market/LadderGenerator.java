package io.brokergate.sim.market;

import io.brokergate.core.order.Side;

/**
 * Rebuilds an instrument's {@link Ladder} around a price: the best bid at the price, the best ask one
 * tick above, then one tick per level outwards (following the tick table across tiers). Sizes are whole
 * lots and grow with distance from the touch, like a real book.
 */
public final class LadderGenerator {

    private final TickTable ticks;
    private final long lotSize;
    private final int levelLots;
    private final int levels;
    private final SeededRandom random;

    public LadderGenerator(TickTable ticks, long lotSize, int levelLots, int levels, SeededRandom random) {
        if (levels < 1) {
            throw new IllegalArgumentException("a ladder needs at least one level");
        }
        this.ticks = ticks;
        this.lotSize = lotSize;
        this.levelLots = levelLots;
        this.levels = levels;
        this.random = random;
    }

    public int levels() {
        return levels;
    }

    /** Replaces the ladder's content; {@code bestBid} must be a valid price. */
    public void regenerate(Ladder ladder, long bestBid) {
        ladder.clear();
        long bid = bestBid;
        for (int i = 0; i < levels; i++) {
            ladder.addLevel(Side.BUY, bid, sizeAt(i), ordersAt(i));
            long next = ticks.down(bid);
            if (next == bid) {
                break; // reached the smallest valid price
            }
            bid = next;
        }
        long ask = ticks.up(bestBid);
        for (int i = 0; i < levels; i++) {
            ladder.addLevel(Side.SELL, ask, sizeAt(i), ordersAt(i));
            ask = ticks.up(ask);
        }
    }

    /** Size of a freshly generated level at a distance from the touch, in shares (whole lots). */
    private long sizeAt(int distance) {
        int base = levelLots + levelLots * distance / 3;
        int lots = 1 + base / 2 + random.nextInt(Math.max(1, base));
        return lots * lotSize;
    }

    private int ordersAt(int distance) {
        return 1 + random.nextInt(3 + distance);
    }

    /** A random print size for the market's own trades, in shares (whole lots). */
    public long printSize() {
        return (1 + random.nextInt(Math.max(1, levelLots / 2 + 1))) * lotSize;
    }
}

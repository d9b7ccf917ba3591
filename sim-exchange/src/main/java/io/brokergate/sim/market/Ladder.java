package io.brokergate.sim.market;

import io.brokergate.core.order.Side;

/**
 * The market's own liquidity for one instrument: price levels generated around the current price,
 * best first on each side. Mutable and reused: client orders consume its sizes until the generator
 * rebuilds it on the next step. {@link Side#BUY} means the bid side.
 */
public final class Ladder {

    private final long[] bidPrice;
    private final long[] bidSize;
    private final int[] bidOrders;
    private final long[] askPrice;
    private final long[] askSize;
    private final int[] askOrders;
    private int bidLevels;
    private int askLevels;

    public Ladder(int capacity) {
        bidPrice = new long[capacity];
        bidSize = new long[capacity];
        bidOrders = new int[capacity];
        askPrice = new long[capacity];
        askSize = new long[capacity];
        askOrders = new int[capacity];
    }

    public int capacity() {
        return bidPrice.length;
    }

    /** Number of levels on a side, including levels consumed down to zero. */
    public int levels(Side side) {
        return side == Side.BUY ? bidLevels : askLevels;
    }

    public long price(Side side, int level) {
        return side == Side.BUY ? bidPrice[level] : askPrice[level];
    }

    /** Remaining size in shares; zero once consumed. */
    public long size(Side side, int level) {
        return side == Side.BUY ? bidSize[level] : askSize[level];
    }

    public int orders(Side side, int level) {
        return side == Side.BUY ? bidOrders[level] : askOrders[level];
    }

    /** Index of the best level that still has size, or -1. */
    public int bestLevel(Side side) {
        int n = levels(side);
        long[] sizes = side == Side.BUY ? bidSize : askSize;
        for (int i = 0; i < n; i++) {
            if (sizes[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Takes {@code quantity} shares from a level (a client order traded against it). */
    public void consume(Side side, int level, long quantity) {
        long[] sizes = side == Side.BUY ? bidSize : askSize;
        int[] orders = side == Side.BUY ? bidOrders : askOrders;
        if (quantity <= 0 || quantity > sizes[level]) {
            throw new IllegalArgumentException("cannot consume " + quantity + " of " + sizes[level]);
        }
        long before = sizes[level];
        sizes[level] = before - quantity;
        // Keep the displayed order count plausible: it shrinks with the size but never below one while size is left.
        if (sizes[level] == 0) {
            orders[level] = 0;
        } else {
            orders[level] = (int) Math.max(1, (long) orders[level] * sizes[level] / before);
        }
    }

    public void clear() {
        bidLevels = 0;
        askLevels = 0;
    }

    /** Appends a level below the current worst level of a side. */
    public void addLevel(Side side, long price, long size, int orders) {
        if (side == Side.BUY) {
            bidPrice[bidLevels] = price;
            bidSize[bidLevels] = size;
            bidOrders[bidLevels] = orders;
            bidLevels++;
        } else {
            askPrice[askLevels] = price;
            askSize[askLevels] = size;
            askOrders[askLevels] = orders;
            askLevels++;
        }
    }
}

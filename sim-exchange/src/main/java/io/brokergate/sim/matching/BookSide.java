package io.brokergate.sim.matching;

import io.brokergate.core.order.Side;
import java.util.ArrayDeque;

/**
 * The price levels of one side, kept sorted in an array with the <em>best</em> level last, so taking
 * the best level and removing it after it empties are O(1); inserting a new price is a binary search
 * and a shift, which is cheap for the tens of levels a simulated book holds. Emptied levels go back to
 * a pool so the steady state allocates nothing.
 */
final class BookSide {

    private final boolean bids;
    private PriceLevel[] levels = new PriceLevel[32];
    private int size;
    private final ArrayDeque<PriceLevel> pool = new ArrayDeque<>();

    BookSide(Side side) {
        this.bids = side == Side.BUY;
    }

    int size() {
        return size;
    }

    /** Level {@code i} counted from the best (0 = best). */
    PriceLevel fromBest(int i) {
        return levels[size - 1 - i];
    }

    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** Ascending array order is worst-to-best: ascending prices for bids, descending for asks. */
    private boolean before(long a, long b) {
        return bids ? a < b : a > b;
    }

    private int search(long price) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = levels[mid].price;
            if (p == price) {
                return mid;
            }
            if (before(p, price)) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    PriceLevel getOrCreate(long price) {
        int i = search(price);
        if (i >= 0) {
            return levels[i];
        }
        int at = -(i + 1);
        if (size == levels.length) {
            PriceLevel[] bigger = new PriceLevel[size * 2];
            System.arraycopy(levels, 0, bigger, 0, size);
            levels = bigger;
        }
        System.arraycopy(levels, at, levels, at + 1, size - at);
        PriceLevel level = pool.isEmpty() ? new PriceLevel() : pool.pop();
        level.reset(price);
        levels[at] = level;
        size++;
        return level;
    }

    void remove(PriceLevel level) {
        int i = search(level.price);
        if (i < 0 || levels[i] != level) {
            throw new IllegalStateException("level " + level.price + " is not in this book side");
        }
        System.arraycopy(levels, i + 1, levels, i, size - i - 1);
        levels[--size] = null;
        level.reset(0);
        pool.push(level);
    }
}

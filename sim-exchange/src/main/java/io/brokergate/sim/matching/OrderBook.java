package io.brokergate.sim.matching;

import io.brokergate.core.order.Side;

/**
 * Resting client orders of one instrument with price-time priority. Read access is by level index
 * counted from the best price (0 = best), allocation-free, for depth snapshots.
 */
public final class OrderBook {

    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);
    private int orders;

    BookSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    void add(BookOrder order) {
        side(order.side()).getOrCreate(order.limitPrice).append(order);
        order.state = BookOrder.State.RESTING;
        orders++;
    }

    void remove(BookOrder order) {
        PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty()) {
            side(order.side()).remove(level);
        }
        orders--;
    }

    /** Number of resting orders on both sides. */
    public int orderCount() {
        return orders;
    }

    public int levels(Side side) {
        return side(side).size();
    }

    public long price(Side side, int level) {
        return side(side).fromBest(level).price;
    }

    /** Open quantity at a level, in shares. */
    public long quantity(Side side, int level) {
        return side(side).fromBest(level).quantity;
    }

    public int orders(Side side, int level) {
        return side(side).fromBest(level).orders;
    }

    /** Best price of a side, or 0 when the side is empty. */
    public long bestPrice(Side side) {
        PriceLevel best = side(side).best();
        return best == null ? 0 : best.price;
    }

    /** The order first in line at the best price, or null. */
    public BookOrder first(Side side) {
        PriceLevel best = side(side).best();
        return best == null ? null : best.head;
    }

    /** The order behind {@code order} in its level's queue, or null. */
    public BookOrder nextInQueue(BookOrder order) {
        return order.next;
    }
}

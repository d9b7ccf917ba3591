package io.brokergate.sim.matching;

import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.order.Side;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.Ladder;
import java.util.ArrayList;
import java.util.List;

/**
 * The liquidity a client sees on one side of an instrument: the market's generated ladder and the
 * resting client orders merged into one list of levels, best first. An incoming order can take from
 * both, so showing either alone would understate what is there.
 */
public final class VisibleDepth {

    private VisibleDepth() {
    }

    /** Up to {@code limit} levels of {@code side}, best first; a price present in both sums their sizes and orders. */
    public static List<DepthLevel> of(Ladder ladder, OrderBook book, Side side, int limit) {
        List<DepthLevel> out = new ArrayList<>(limit);
        boolean bids = side == Side.BUY;
        int li = 0;
        int bi = 0;
        int ln = ladder.levels(side);
        int bn = book.levels(side);
        while (out.size() < limit) {
            // Levels the generator left empty are placeholders, not liquidity.
            while (li < ln && ladder.size(side, li) == 0) {
                li++;
            }
            boolean haveLadder = li < ln;
            boolean haveBook = bi < bn;
            if (!haveLadder && !haveBook) {
                break;
            }
            long lp = haveLadder ? ladder.price(side, li) : 0;
            long bp = haveBook ? book.price(side, bi) : 0;
            long price;
            if (!haveBook) {
                price = lp;
            } else if (!haveLadder) {
                price = bp;
            } else {
                price = bids ? Math.max(lp, bp) : Math.min(lp, bp);
            }
            long quantity = 0;
            int orders = 0;
            if (haveLadder && lp == price) {
                quantity += ladder.size(side, li);
                orders += ladder.orders(side, li);
                li++;
            }
            if (haveBook && bp == price) {
                quantity += book.quantity(side, bi);
                orders += book.orders(side, bi);
                bi++;
            }
            out.add(new DepthLevel(FixedPoint.toDecimal(price), FixedPoint.quantity(quantity), orders));
        }
        return out;
    }
}

package io.brokergate.sim.matching;

import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.sim.market.Ladder;

/**
 * Continuous matching for a fixed set of instruments (addressed by index). Each instrument has a book
 * of resting client orders, a list of orders waiting for their trigger and, optionally, the market's
 * generated {@link Ladder}. An incoming order takes liquidity from whichever of the two is better
 * priced; at an equal price resting client orders go first (they are real interest, the ladder is
 * background). Every fill is at the resting side's price.
 *
 * <p>When the market moves ({@link #onMarketMoved}), resting client orders that the new ladder crosses
 * fill at their own limit price against the ladder, then triggers are checked. Stop and if-touched
 * orders fire on the last trade price, including prints caused by other fills, until nothing more
 * fires.
 *
 * <p><b>Threading:</b> single-threaded and synchronous, no locks, no executor. The sim's
 * {@code ExchangeCore} drives it on the engine thread; a benchmark can drive it directly from one
 * thread with {@link MatchListener#NONE} and no ladder. The hot path allocates nothing in steady state.
 */
public final class MatchingEngine {

    private static final class Venue {
        final OrderBook book = new OrderBook();
        final StopBook stops = new StopBook();
        Ladder ladder;
        long last;
    }

    private final Venue[] venues;
    private final MatchListener listener;
    private long sequence;
    private boolean busy;

    public MatchingEngine(int instruments, MatchListener listener) {
        venues = new Venue[instruments];
        for (int i = 0; i < instruments; i++) {
            venues[i] = new Venue();
        }
        this.listener = listener == null ? MatchListener.NONE : listener;
    }

    public int instruments() {
        return venues.length;
    }

    /** Lets orders of an instrument trade against the market's generated liquidity. */
    public void attachLadder(int instrument, Ladder ladder) {
        venues[instrument].ladder = ladder;
    }

    public OrderBook book(int instrument) {
        return venues[instrument].book;
    }

    /** Last trade price the engine knows (0 = none yet): the reference for triggers. */
    public long lastPrice(int instrument) {
        return venues[instrument].last;
    }

    /** Sets the last price without trading (start-up). */
    public void setLastPrice(int instrument, long price) {
        venues[instrument].last = price;
    }

    /** Orders waiting for their trigger. */
    public int waitingOrders(int instrument) {
        return venues[instrument].stops.size();
    }

    /**
     * Accepts a new order: waits for its trigger, or matches at once and rests whatever a limit-like
     * good-for-day/GTC order could not fill. Market-like, IOC and FOK remainders are cancelled
     * ({@link MatchListener#onRemainderCancelled}).
     */
    public void submit(BookOrder order) {
        if (order.state != BookOrder.State.NEW) {
            throw new IllegalStateException("order " + order.id() + " was already submitted");
        }
        enter();
        try {
            Venue v = venues[order.instrument()];
            if (order.hasTrigger() && !order.triggered && !reached(order, v.last)) {
                order.sequence = ++sequence;
                v.stops.add(order);
                return;
            }
            if (order.hasTrigger() && !order.triggered) {
                trigger(order);
            }
            execute(v, order);
            runTriggers(v);
        } finally {
            busy = false;
        }
    }

    /** Removes an open order; false when it was already done. No listener call: the caller knows why. */
    public boolean cancel(BookOrder order) {
        enter();
        try {
            Venue v = venues[order.instrument()];
            switch (order.state) {
                case RESTING:
                    v.book.remove(order);
                    break;
                case WAITING_FOR_TRIGGER:
                    v.stops.remove(order);
                    break;
                case DONE:
                    return false;
                default:
                    break;
            }
            order.state = BookOrder.State.DONE;
            return true;
        } finally {
            busy = false;
        }
    }

    /**
     * Replaces an open order's quantity and prices. A quantity decrease keeps the order's place in the
     * queue; a price change or a quantity increase sends it to the back (and may make it match now).
     *
     * @param newQuantity new total quantity, must stay above the filled quantity
     */
    public void amend(BookOrder order, long newQuantity, long newLimitPrice, long newStopPrice) {
        if (order.isDone()) {
            throw new IllegalStateException("order " + order.id() + " is done");
        }
        if (newQuantity <= order.filled) {
            throw new IllegalArgumentException("new quantity must stay above the filled quantity");
        }
        enter();
        try {
            Venue v = venues[order.instrument()];
            if (order.state == BookOrder.State.WAITING_FOR_TRIGGER) {
                v.stops.remove(order);
                order.quantity = newQuantity;
                order.limitPrice = newLimitPrice;
                order.stopPrice = newStopPrice;
                order.state = BookOrder.State.NEW;
                if (reached(order, v.last)) {
                    trigger(order);
                    execute(v, order);
                } else {
                    order.sequence = ++sequence;
                    v.stops.add(order);
                }
            } else if (newLimitPrice != order.limitPrice || newQuantity > order.quantity) {
                v.book.remove(order);
                order.quantity = newQuantity;
                order.limitPrice = newLimitPrice;
                order.stopPrice = newStopPrice;
                order.state = BookOrder.State.NEW;
                execute(v, order);
            } else {
                order.level.quantity -= order.quantity - newQuantity;
                order.quantity = newQuantity;
                order.stopPrice = newStopPrice;
            }
            runTriggers(v);
        } finally {
            busy = false;
        }
    }

    /**
     * The market moved: {@code last} is its latest print and the attached ladder has been rebuilt.
     * Resting orders the ladder now crosses fill at their own price; then triggers are checked.
     */
    public void onMarketMoved(int instrument, long last) {
        enter();
        try {
            Venue v = venues[instrument];
            if (last > 0) {
                v.last = last;
            }
            if (v.ladder != null) {
                crossResting(v, Side.BUY);
                crossResting(v, Side.SELL);
            }
            runTriggers(v);
        } finally {
            busy = false;
        }
    }

    /**
     * Shares an order on {@code takerSide} could fill right now at prices its {@code limitPrice}
     * accepts, counting client orders and the ladder, capped at {@code upTo}.
     */
    public long fillableQuantity(int instrument, Side takerSide, long limitPrice, long upTo) {
        return walk(venues[instrument], takerSide, limitPrice, upTo, false);
    }

    /**
     * The worst price a market order of {@code quantity} on {@code takerSide} would pay now (the price of
     * the last level it needs, or of the last level available); 0 when there is no liquidity at all.
     */
    public long sweepPrice(int instrument, Side takerSide, long quantity) {
        long unlimited = takerSide == Side.BUY ? Long.MAX_VALUE : 0;
        return walk(venues[instrument], takerSide, unlimited, quantity, true);
    }

    // ---- internals -----------------------------------------------------------------------------

    private void enter() {
        if (busy) {
            throw new IllegalStateException("the matching engine was called back from its own listener");
        }
        busy = true;
    }

    private static boolean reached(BookOrder order, long last) {
        if (last <= 0) {
            return false;
        }
        return order.triggersOnRise() ? last >= order.stopPrice : last <= order.stopPrice;
    }

    private void trigger(BookOrder order) {
        order.triggered = true;
        order.state = BookOrder.State.NEW;
        listener.onTriggered(order);
    }

    private void runTriggers(Venue v) {
        BookOrder fired;
        while ((fired = v.stops.pollTriggered(v.last)) != null) {
            trigger(fired);
            execute(v, fired);
        }
    }

    private void execute(Venue v, BookOrder order) {
        TimeInForce tif = order.timeInForce();
        if (tif == TimeInForce.FILL_OR_KILL
                && walk(v, order.side(), order.limitPrice, order.remaining(), false) < order.remaining()) {
            finish(order, CancelReason.FILL_OR_KILL);
            return;
        }
        match(v, order);
        if (order.remaining() == 0) {
            return;
        }
        if (order.isMarketLike()) {
            finish(order, CancelReason.NO_LIQUIDITY);
        } else if (tif == TimeInForce.IMMEDIATE_OR_CANCEL || tif == TimeInForce.FILL_OR_KILL) {
            finish(order, CancelReason.IMMEDIATE_OR_CANCEL);
        } else {
            order.sequence = ++sequence;
            v.book.add(order);
        }
    }

    private void finish(BookOrder order, CancelReason reason) {
        order.state = BookOrder.State.DONE;
        listener.onRemainderCancelled(order, reason);
    }

    private void match(Venue v, BookOrder taker) {
        Side contra = taker.side().opposite();
        BookSide resting = v.book.side(contra);
        Ladder ladder = v.ladder;
        boolean buy = taker.side() == Side.BUY;
        while (taker.remaining() > 0) {
            PriceLevel level = resting.best();
            int li = ladder == null ? -1 : ladder.bestLevel(contra);
            if (level == null && li < 0) {
                return;
            }
            boolean fromBook;
            if (li < 0) {
                fromBook = true;
            } else if (level == null) {
                fromBook = false;
            } else {
                long lp = ladder.price(contra, li);
                fromBook = buy ? level.price <= lp : level.price >= lp;
            }
            long price = fromBook ? level.price : ladder.price(contra, li);
            if (!taker.accepts(price)) {
                return;
            }
            long quantity;
            if (fromBook) {
                BookOrder maker = level.head;
                quantity = Math.min(taker.remaining(), maker.remaining());
                fillResting(v, maker, price, quantity);
            } else {
                quantity = Math.min(taker.remaining(), ladder.size(contra, li));
                ladder.consume(contra, li, quantity);
            }
            taker.filled += quantity;
            if (taker.remaining() == 0) {
                taker.state = BookOrder.State.DONE;
            }
            listener.onFill(taker, price, quantity, false);
            print(v, taker.instrument(), price, quantity, taker.side());
        }
    }

    private void fillResting(Venue v, BookOrder maker, long price, long quantity) {
        maker.level.quantity -= quantity;
        maker.filled += quantity;
        if (maker.remaining() == 0) {
            v.book.remove(maker);
            maker.state = BookOrder.State.DONE;
        }
        listener.onFill(maker, price, quantity, true);
    }

    private void print(Venue v, int instrument, long price, long quantity, Side aggressor) {
        v.last = price;
        listener.onTrade(instrument, price, quantity, aggressor);
    }

    /** Resting orders of {@code restingSide} against the ladder's opposite side. */
    private void crossResting(Venue v, Side restingSide) {
        Side contra = restingSide.opposite();
        BookSide side = v.book.side(restingSide);
        Ladder ladder = v.ladder;
        boolean bids = restingSide == Side.BUY;
        while (true) {
            PriceLevel level = side.best();
            int li = ladder.bestLevel(contra);
            if (level == null || li < 0) {
                return;
            }
            long lp = ladder.price(contra, li);
            if (bids ? lp > level.price : lp < level.price) {
                return;
            }
            BookOrder maker = level.head;
            long price = level.price;
            long quantity = Math.min(maker.remaining(), ladder.size(contra, li));
            ladder.consume(contra, li, quantity);
            fillResting(v, maker, price, quantity);
            print(v, maker.instrument(), price, quantity, contra);
        }
    }

    /**
     * Walks the merged liquidity (client book and ladder) a taker would meet, without changing it.
     * Returns the quantity found, or with {@code wantPrice} the price of the last level used.
     */
    private static long walk(Venue v, Side takerSide, long limitPrice, long upTo, boolean wantPrice) {
        Side contra = takerSide.opposite();
        BookSide resting = v.book.side(contra);
        Ladder ladder = v.ladder;
        boolean buy = takerSide == Side.BUY;
        int bi = 0;
        int li = 0;
        int ladderLevels = ladder == null ? 0 : ladder.levels(contra);
        long found = 0;
        long lastPrice = 0;
        while (found < upTo) {
            while (li < ladderLevels && ladder.size(contra, li) == 0) {
                li++;
            }
            boolean haveBook = bi < resting.size();
            boolean haveLadder = li < ladderLevels;
            if (!haveBook && !haveLadder) {
                break;
            }
            long bookPrice = haveBook ? resting.fromBest(bi).price : 0;
            long ladderPrice = haveLadder ? ladder.price(contra, li) : 0;
            boolean fromBook = haveBook && (!haveLadder || (buy ? bookPrice <= ladderPrice : bookPrice >= ladderPrice));
            long price = fromBook ? bookPrice : ladderPrice;
            if (buy ? price > limitPrice : price < limitPrice) {
                break;
            }
            if (fromBook) {
                found += resting.fromBest(bi).quantity;
                bi++;
            } else {
                found += ladder.size(contra, li);
                li++;
            }
            lastPrice = price;
        }
        return wantPrice ? lastPrice : Math.min(found, upTo);
    }
}

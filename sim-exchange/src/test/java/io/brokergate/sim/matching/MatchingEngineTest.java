package io.brokergate.sim.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.sim.market.Ladder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prices are in engine units; the ladder is written by hand: bids 100, 99, 98 ... and asks 101, 102,
 * 103 ... with 100 shares per level unless a test says otherwise.
 */
class MatchingEngineTest {

    private RecordingListener events;
    private MatchingEngine engine;
    private Ladder ladder;
    private long nextId = 1;

    @BeforeEach
    void setUp() {
        events = new RecordingListener();
        engine = new MatchingEngine(1, events);
        ladder = new Ladder(10);
        ladderAround(100);
        engine.attachLadder(0, ladder);
        engine.setLastPrice(0, 100);
    }

    /** The market moved: best bid {@code bid}, best ask {@code bid + 1}, 100 shares a level. */
    private void ladderAround(long bid) {
        ladder.clear();
        for (int i = 0; i < 10; i++) {
            ladder.addLevel(Side.BUY, bid - i, 100, 1);
            ladder.addLevel(Side.SELL, bid + 1 + i, 100, 1);
        }
    }

    private BookOrder limit(Side side, long quantity, long price) {
        return BookOrder.limit(nextId++, 0, side, quantity, price);
    }

    private BookOrder order(Side side, OrderType type, TimeInForce tif, long quantity, long limit, long stop) {
        return new BookOrder(nextId++, 0, side, type, tif, quantity, limit, stop);
    }

    @Test
    void marketBuySweepsSeveralLevelsAtTheirPrices() {
        BookOrder buy = BookOrder.market(nextId++, 0, Side.BUY, 250);
        engine.submit(buy);
        List<RecordingListener.Fill> fills = events.fillsOf(buy.id());
        assertEquals(3, fills.size());
        assertEquals(new RecordingListener.Fill(buy.id(), 101, 100, false), fills.get(0));
        assertEquals(new RecordingListener.Fill(buy.id(), 102, 100, false), fills.get(1));
        assertEquals(new RecordingListener.Fill(buy.id(), 103, 50, false), fills.get(2));
        long notional = fills.stream().mapToLong(f -> f.price() * f.quantity()).sum();
        assertEquals(101 * 100 + 102 * 100 + 103 * 50, notional, "VWAP 101.8");
        assertTrue(buy.isDone());
        assertEquals(50, ladder.size(Side.SELL, 2), "the ladder keeps what was left");
        assertEquals(103, engine.lastPrice(0));
        assertEquals(3, events.prints.size());
        assertEquals(Side.BUY, events.prints.get(0).aggressor());
    }

    @Test
    void marketOrderBeyondAllLiquidityFillsWhatThereIsAndCancelsTheRest() {
        BookOrder buy = BookOrder.market(nextId++, 0, Side.BUY, 1500);
        engine.submit(buy);
        assertEquals(1000, buy.filled());
        assertEquals(List.of(buy.id() + ":NO_LIQUIDITY"), events.cancelled);
        assertTrue(buy.isDone());
    }

    @Test
    void marketOrderStopsAtItsProtectionPrice() {
        BookOrder buy = order(Side.BUY, OrderType.MARKET, TimeInForce.DAY, 500, 102, 0);
        engine.submit(buy);
        assertEquals(200, buy.filled());
        assertEquals(List.of(buy.id() + ":NO_LIQUIDITY"), events.cancelled);
    }

    @Test
    void limitOrderRestsThenFillsAtItsPriceWhenTheMarketCrossesIt() {
        BookOrder buy = limit(Side.BUY, 300, 97);
        engine.submit(buy);
        assertEquals(BookOrder.State.RESTING, buy.state());
        assertEquals(0, buy.filled());
        assertEquals(97, engine.book(0).bestPrice(Side.BUY));

        ladderAround(98); // best ask 99: not crossed yet
        engine.onMarketMoved(0, 98);
        assertEquals(0, buy.filled());

        ladderAround(95); // asks 96, 97 cross the bid at 97
        engine.onMarketMoved(0, 95);
        assertEquals(200, buy.filled());
        for (RecordingListener.Fill f : events.fillsOf(buy.id())) {
            assertEquals(97, f.price(), "a resting order fills at its own price");
            assertTrue(f.maker());
        }
        assertEquals(0, ladder.size(Side.SELL, 0));
        assertEquals(0, ladder.size(Side.SELL, 1));
        assertEquals(BookOrder.State.RESTING, buy.state(), "100 shares still resting");
        assertEquals(100, engine.book(0).quantity(Side.BUY, 0));
    }

    @Test
    void sellLimitRestsAndFillsWhenBidsRiseToIt() {
        BookOrder sell = limit(Side.SELL, 100, 105);
        engine.submit(sell);
        ladderAround(105);
        engine.onMarketMoved(0, 105);
        assertTrue(sell.isDone());
        assertEquals(new RecordingListener.Fill(sell.id(), 105, 100, true), events.fillsOf(sell.id()).get(0));
        assertEquals(Side.BUY, events.prints.get(0).aggressor(), "the market's buyers lifted the offer");
    }

    @Test
    void clientOrdersMatchEachOtherWithPriceTimePriority() {
        engine.attachLadder(0, null); // only client orders
        BookOrder sellA = limit(Side.SELL, 100, 101);
        BookOrder sellB = limit(Side.SELL, 100, 101);
        BookOrder sellBetter = limit(Side.SELL, 50, 100);
        engine.submit(sellA);
        engine.submit(sellB);
        engine.submit(sellBetter);
        assertEquals(2, engine.book(0).levels(Side.SELL));
        assertEquals(100, engine.book(0).price(Side.SELL, 0));
        assertEquals(200, engine.book(0).quantity(Side.SELL, 1));
        assertEquals(2, engine.book(0).orders(Side.SELL, 1));

        BookOrder buy = limit(Side.BUY, 120, 101);
        engine.submit(buy);
        assertEquals(List.of(
                new RecordingListener.Fill(sellBetter.id(), 100, 50, true),
                new RecordingListener.Fill(buy.id(), 100, 50, false),
                new RecordingListener.Fill(sellA.id(), 101, 70, true),
                new RecordingListener.Fill(buy.id(), 101, 70, false)), events.fills);
        assertTrue(buy.isDone());
        assertEquals(30, sellA.remaining());
        assertEquals(100, sellB.remaining(), "the later order at the same price waits");
        assertSame(sellA, engine.book(0).first(Side.SELL));
        assertSame(sellB, engine.book(0).nextInQueue(sellA));
    }

    @Test
    void restingClientOrdersGoBeforeTheLadderAtTheSamePrice() {
        BookOrder clientOffer = limit(Side.SELL, 40, 101);
        engine.submit(clientOffer);
        BookOrder buy = limit(Side.BUY, 60, 101);
        engine.submit(buy);
        assertEquals(new RecordingListener.Fill(clientOffer.id(), 101, 40, true), events.fills.get(0));
        assertEquals(20, events.fillsOf(buy.id()).get(1).quantity());
        assertEquals(80, ladder.size(Side.SELL, 0));
    }

    @Test
    void stopBuyTriggersOnTheLastPriceAndTradesAsAMarketOrder() {
        BookOrder stop = order(Side.BUY, OrderType.STOP, TimeInForce.DAY, 150, Long.MAX_VALUE, 104);
        engine.submit(stop);
        assertEquals(BookOrder.State.WAITING_FOR_TRIGGER, stop.state());
        assertEquals(1, engine.waitingOrders(0));

        ladderAround(102);
        engine.onMarketMoved(0, 103);
        assertTrue(events.triggered.isEmpty());

        ladderAround(104);
        engine.onMarketMoved(0, 104);
        assertEquals(List.of(stop.id()), events.triggered);
        assertTrue(stop.isTriggered());
        assertEquals(150, stop.filled());
        assertEquals(105, events.fillsOf(stop.id()).get(0).price());
        assertEquals(106, events.fillsOf(stop.id()).get(1).price());
        assertEquals(0, engine.waitingOrders(0));
    }

    @Test
    void stopLimitBecomesARestingLimitWhenItCannotFill() {
        BookOrder stopLimit = order(Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GOOD_TILL_CANCELLED, 100, 97, 98);
        engine.submit(stopLimit);
        ladderAround(95); // last falls to 95 <= 98: fires; bids 95.. are below the 97 limit
        engine.onMarketMoved(0, 95);
        assertEquals(List.of(stopLimit.id()), events.triggered);
        assertEquals(BookOrder.State.RESTING, stopLimit.state());
        assertEquals(97, engine.book(0).bestPrice(Side.SELL));
        ladderAround(97);
        engine.onMarketMoved(0, 97);
        assertTrue(stopLimit.isDone());
    }

    @Test
    void fillsOfOneOrderCanFireAStop() {
        engine.attachLadder(0, null);
        BookOrder stop = order(Side.BUY, OrderType.STOP, TimeInForce.DAY, 10, Long.MAX_VALUE, 102);
        engine.submit(stop);
        engine.submit(limit(Side.SELL, 10, 102));
        engine.submit(limit(Side.SELL, 10, 103));
        engine.submit(limit(Side.BUY, 10, 102)); // prints 102: the stop fires and takes the 103 offer
        assertEquals(List.of(stop.id()), events.triggered);
        assertEquals(103, events.fillsOf(stop.id()).get(0).price());
    }

    @Test
    void ifTouchedOrdersFireTheOtherWay() {
        BookOrder lit = order(Side.BUY, OrderType.LIMIT_IF_TOUCHED, TimeInForce.DAY, 100, 99, 99);
        engine.submit(lit);
        assertFalse(lit.isTriggered());
        ladderAround(98);
        engine.onMarketMoved(0, 98);
        assertTrue(lit.isTriggered());
        assertTrue(lit.isDone(), "bought at the 99 offer");
    }

    @Test
    void cancelRemovesFromBookOrTriggerList() {
        BookOrder resting = limit(Side.BUY, 100, 90);
        BookOrder waiting = order(Side.BUY, OrderType.STOP, TimeInForce.DAY, 100, Long.MAX_VALUE, 150);
        engine.submit(resting);
        engine.submit(waiting);
        assertTrue(engine.cancel(resting));
        assertTrue(engine.cancel(waiting));
        assertFalse(engine.cancel(resting), "second cancel is a no-op");
        assertEquals(0, engine.book(0).orderCount());
        assertEquals(0, engine.waitingOrders(0));
        assertEquals(0, engine.book(0).levels(Side.BUY));
    }

    @Test
    void amendKeepsPriorityOnlyForAQuantityDecrease() {
        engine.attachLadder(0, null);
        BookOrder first = limit(Side.BUY, 100, 95);
        BookOrder second = limit(Side.BUY, 100, 95);
        engine.submit(first);
        engine.submit(second);

        engine.amend(first, 60, 95, 0);
        assertSame(first, engine.book(0).first(Side.BUY), "smaller quantity keeps its place");
        assertEquals(160, engine.book(0).quantity(Side.BUY, 0));

        engine.amend(first, 80, 95, 0);
        assertSame(second, engine.book(0).first(Side.BUY), "larger quantity goes to the back");

        engine.amend(second, 100, 94, 0);
        engine.amend(second, 100, 95, 0);
        assertSame(first, engine.book(0).first(Side.BUY), "a price change goes to the back");
        assertEquals(180, engine.book(0).quantity(Side.BUY, 0));
    }

    @Test
    void amendToAMarketablePriceMatchesAtOnce() {
        BookOrder buy = limit(Side.BUY, 100, 95);
        engine.submit(buy);
        engine.amend(buy, 100, 101, 0);
        assertTrue(buy.isDone());
        assertEquals(101, events.fillsOf(buy.id()).get(0).price());
    }

    @Test
    void amendMustStayAboveTheFilledQuantity() {
        BookOrder buy = limit(Side.BUY, 300, 101);
        engine.submit(buy); // 100 filled at 101, 200 rest
        assertEquals(100, buy.filled());
        assertThrows(IllegalArgumentException.class, () -> engine.amend(buy, 100, 101, 0));
        engine.amend(buy, 150, 101, 0);
        assertEquals(50, buy.remaining());
        assertEquals(50, engine.book(0).quantity(Side.BUY, 0));
    }

    @Test
    void immediateOrCancelAndFillOrKill() {
        BookOrder ioc = order(Side.BUY, OrderType.LIMIT, TimeInForce.IMMEDIATE_OR_CANCEL, 150, 101, 0);
        engine.submit(ioc);
        assertEquals(100, ioc.filled());
        assertEquals(ioc.id() + ":IMMEDIATE_OR_CANCEL", events.cancelled.get(0));
        assertEquals(0, engine.book(0).orderCount());

        BookOrder fok = order(Side.BUY, OrderType.LIMIT, TimeInForce.FILL_OR_KILL, 250, 103, 0);
        engine.submit(fok); // only 101..103 minus the 100 taken = 200 available
        assertEquals(0, fok.filled());
        assertEquals(fok.id() + ":FILL_OR_KILL", events.cancelled.get(1));
    }

    @Test
    void walkingTheBookWithoutTouchingIt() {
        engine.submit(limit(Side.SELL, 30, 101)); // client offer merges with the ladder at 101
        assertEquals(230, engine.fillableQuantity(0, Side.BUY, 102, Long.MAX_VALUE));
        assertEquals(102, engine.sweepPrice(0, Side.BUY, 200));
        assertEquals(101, engine.sweepPrice(0, Side.BUY, 130));
        assertEquals(100, engine.sweepPrice(0, Side.SELL, 1));
        assertEquals(100, ladder.size(Side.SELL, 0), "nothing consumed");
    }

    @Test
    void reentrantCallsFromTheListenerAreRefused() {
        MatchingEngine[] self = new MatchingEngine[1];
        self[0] = new MatchingEngine(1, new MatchListener() {
            @Override
            public void onFill(BookOrder order, long price, long quantity, boolean maker) {
                self[0].cancel(order);
            }
        });
        self[0].submit(BookOrder.limit(1, 0, Side.SELL, 10, 100));
        assertThrows(IllegalStateException.class, () -> self[0].submit(BookOrder.limit(2, 0, Side.BUY, 10, 100)));
    }

    @Test
    void pureClientBookWithoutLadderOrListener() {
        MatchingEngine plain = new MatchingEngine(2, null);
        plain.submit(BookOrder.limit(1, 1, Side.SELL, 10, 100));
        BookOrder buy = BookOrder.limit(2, 1, Side.BUY, 10, 100);
        plain.submit(buy);
        assertTrue(buy.isDone());
        assertEquals(0, plain.book(1).orderCount());
        assertNull(plain.book(1).first(Side.SELL));
    }
}

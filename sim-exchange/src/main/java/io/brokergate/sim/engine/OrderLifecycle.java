package io.brokergate.sim.engine;

import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.matching.BookOrder;
import io.brokergate.sim.matching.MatchingEngine;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Moves a valid order into the matching engine and takes open orders out of it (client cancel,
 * account reset, expiry), each time keeping its reservations, the published market data and the
 * pushed order state in step. Day and good-till-date orders are queued by expiry time, so that each
 * command only looks at those already due. Engine thread only.
 */
final class OrderLifecycle {

    private final MatchingEngine matching;
    private final OrderReservations reservations;
    private final SessionRules sessions;
    private final ChangedInstruments changed;
    private final SimEventListener events;
    private final CommandTime time;
    private final PriorityQueue<OrderRecord> expiries = new PriorityQueue<>(
            Comparator.comparingLong((OrderRecord r) -> r.expiresAt).thenComparingLong(r -> r.number));

    OrderLifecycle(MatchingEngine matching, OrderReservations reservations, SessionRules sessions,
            ChangedInstruments changed, SimEventListener events, CommandTime time) {
        this.matching = matching;
        this.reservations = reservations;
        this.sessions = sessions;
        this.changed = changed;
        this.events = events;
        this.time = time;
    }

    /** Accepts a validated order: it reserves what it needs, is pushed as working, then matches or rests. */
    void accept(OrderRecord r, InstrumentMarket m) {
        // A buy rests at its reserve price so that it can never pay more than the cash it froze.
        long bookLimit = r.side == Side.BUY ? r.reservePrice : r.limitPrice;
        BookOrder b = new BookOrder(r.number, m.index(), r.side, r.type, r.timeInForce, r.quantity, bookLimit, r.stopPrice);
        b.attach(r);
        r.book = b;
        if (b.hasTrigger()) {
            r.trigger = TriggerState.WAITING;
        }
        r.change(time.now(), OrderStatus.WORKING, r.quantityDecimal, r.displayPrice(), "accepted");
        reservations.sync(r);
        scheduleExpiry(r, m);
        events.onOrderUpdate(r.snapshot(), null);
        changed.mark(m.index());
        matching.submit(b);
    }

    /** Takes an open order off the book as {@code status} (cancelled or expired) and releases what it holds. */
    void close(OrderRecord r, OrderStatus status, String text) {
        matching.cancel(r.book);
        r.change(time.now(), status, r.quantityDecimal, r.displayPrice(), text);
        reservations.sync(r);
        changed.mark(r);
        events.onOrderUpdate(r.snapshot(), null);
    }

    /** Expires the Day and good-till-date orders whose time has come. */
    void expireDue() {
        while (!expiries.isEmpty() && expiries.peek().expiresAt <= time.millis()) {
            OrderRecord r = expiries.poll();
            // Orders that were filled or cancelled meanwhile stay queued until due, rather than being searched for.
            if (!r.isOpen()) {
                continue;
            }
            close(r, OrderStatus.EXPIRED, "expired at the end of its "
                    + (r.timeInForce == TimeInForce.DAY ? "trading day" : "expire date"));
        }
    }

    private void scheduleExpiry(OrderRecord r, InstrumentMarket m) {
        LocalDate day;
        switch (r.timeInForce) {
            case DAY:
                day = time.localDate(m.zone());
                break;
            case GOOD_TILL_DATE:
                day = r.expireDate;
                break;
            default:
                return;
        }
        r.expiresAt = sessions.endOfDay(m, day).toEpochMilli();
        expiries.add(r);
    }
}

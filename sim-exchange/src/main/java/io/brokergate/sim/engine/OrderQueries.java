package io.brokergate.sim.engine;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.sim.accounts.AccountRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an account's remembered orders and executions. "Today" is the trading day in each
 * instrument's own market, not the exchange's. Engine thread only.
 */
final class OrderQueries {

    private final OrderStore store;
    private final AccountRegistry accounts;
    private final CommandTime time;

    OrderQueries(OrderStore store, AccountRegistry accounts, CommandTime time) {
        this.store = store;
        this.accounts = accounts;
        this.time = time;
    }

    /** One order of an account (any account when {@code accountId} is null). */
    Optional<OrderDetail> order(String accountId, String orderId) {
        OrderRecord r = store.find(orderId);
        if (r == null || (accountId != null && !r.account.id().equals(accountId))) {
            return Optional.empty();
        }
        return Optional.of(r.snapshot());
    }

    /** Orders placed today plus any still open, filtered by {@code query}. */
    List<OrderDetail> todayOrders(String accountId, OrderQuery query) {
        accounts.require(accountId);
        List<OrderDetail> out = new ArrayList<>();
        for (OrderRecord r : store.ordersOf(accountId)) {
            if ((r.isOpen() || isToday(r.createdAt, r.instrument.market().zone())) && matches(query, r)) {
                out.add(r.snapshot());
            }
        }
        return out;
    }

    /** All remembered orders of the account matching {@code query}. */
    List<OrderDetail> historyOrders(String accountId, OrderQuery query) {
        accounts.require(accountId);
        List<OrderDetail> out = new ArrayList<>();
        for (OrderRecord r : store.ordersOf(accountId)) {
            if (matches(query, r)) {
                out.add(r.snapshot());
            }
        }
        return out;
    }

    /** Orders of the account carrying a client order id, oldest first. */
    List<OrderDetail> ordersByClientOrderId(String accountId, String clientOrderId) {
        accounts.require(accountId);
        List<OrderDetail> out = new ArrayList<>();
        for (OrderRecord r : store.ordersOf(accountId)) {
            if (clientOrderId != null && clientOrderId.equals(r.clientOrderId)) {
                out.add(r.snapshot());
            }
        }
        return out;
    }

    /** Today's executions; instrument and order id filters may be null. */
    List<Execution> todayExecutions(String accountId, InstrumentId instrument, String orderId) {
        accounts.require(accountId);
        List<Execution> out = new ArrayList<>();
        for (Execution e : store.executionsOf(accountId)) {
            if (isToday(e.time(), e.instrument().market().zone()) && (instrument == null || instrument.equals(e.instrument()))
                    && (orderId == null || orderId.equals(e.orderId()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Executions with {@code from <= time < to} (nulls unbounded), optionally of one instrument. */
    List<Execution> executions(String accountId, Instant from, Instant to, InstrumentId instrument) {
        accounts.require(accountId);
        List<Execution> out = new ArrayList<>();
        for (Execution e : store.executionsOf(accountId)) {
            if ((from == null || !e.time().isBefore(from)) && (to == null || e.time().isBefore(to))
                    && (instrument == null || instrument.equals(e.instrument()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Executions matching an order query's instrument, side, order id and time range (not its status). */
    List<Execution> executions(String accountId, OrderQuery query) {
        accounts.require(accountId);
        List<Execution> out = new ArrayList<>();
        for (Execution e : store.executionsOf(accountId)) {
            if (query == null || matches(query, e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean matches(OrderQuery query, OrderRecord r) {
        return query == null || query.matches(r.toOrder());
    }

    private static boolean matches(OrderQuery query, Execution e) {
        return (query.instrument() == null || query.instrument().equals(e.instrument()))
                && (query.side() == null || query.side() == e.side())
                && (query.orderId() == null || query.orderId().equals(e.orderId()))
                && (query.from() == null || !e.time().isBefore(query.from()))
                && (query.to() == null || e.time().isBefore(query.to()));
    }

    private boolean isToday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().equals(time.localDate(zone));
    }
}

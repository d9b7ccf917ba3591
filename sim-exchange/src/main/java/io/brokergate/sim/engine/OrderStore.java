package io.brokergate.sim.engine;

import io.brokergate.core.order.Execution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every order and execution the exchange remembers, by order id and by account. Finished orders and
 * executions older than the retention are forgotten; the check runs once per UTC day because it walks
 * everything. Engine thread only.
 */
final class OrderStore {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Map<String, OrderRecord> ordersById = new HashMap<>();
    private final Map<String, List<OrderRecord>> ordersByAccount = new HashMap<>();
    private final Map<String, List<Execution>> executionsByAccount = new HashMap<>();
    private final Duration retention;
    private long lastPruneDay;

    OrderStore(Duration retention, long startMillis) {
        this.retention = retention;
        this.lastPruneDay = Math.floorDiv(startMillis, DAY_MILLIS);
    }

    void add(OrderRecord r) {
        ordersById.put(r.orderId, r);
        ordersByAccount.computeIfAbsent(r.account.id(), k -> new ArrayList<>()).add(r);
    }

    /** The order, or null. */
    OrderRecord find(String orderId) {
        return ordersById.get(orderId);
    }

    /** The account's orders, oldest first. */
    List<OrderRecord> ordersOf(String accountId) {
        return ordersByAccount.getOrDefault(accountId, List.of());
    }

    void addExecution(String accountId, Execution e) {
        executionsByAccount.computeIfAbsent(accountId, k -> new ArrayList<>()).add(e);
    }

    /** The account's executions, oldest first. */
    List<Execution> executionsOf(String accountId) {
        return executionsByAccount.getOrDefault(accountId, List.of());
    }

    /** Drops every order and execution of the account (its open orders must be closed first). */
    void forgetAccount(String accountId) {
        for (OrderRecord r : ordersOf(accountId)) {
            ordersById.remove(r.orderId);
        }
        ordersByAccount.remove(accountId);
        executionsByAccount.remove(accountId);
    }

    /** Forgets what is past the retention, when the UTC day has changed since the last time. */
    void pruneIfNewDay(long nowMillis, Instant now) {
        long day = Math.floorDiv(nowMillis, DAY_MILLIS);
        if (day == lastPruneDay) {
            return;
        }
        lastPruneDay = day;
        Instant cutoff = now.minus(retention);
        for (List<OrderRecord> list : ordersByAccount.values()) {
            for (Iterator<OrderRecord> it = list.iterator(); it.hasNext(); ) {
                OrderRecord r = it.next();
                if (!r.isOpen() && r.updatedAt.isBefore(cutoff)) {
                    it.remove();
                    ordersById.remove(r.orderId);
                }
            }
        }
        for (List<Execution> list : executionsByAccount.values()) {
            list.removeIf(e -> e.time().isBefore(cutoff));
        }
    }
}

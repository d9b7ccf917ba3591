package io.brokergate.trade.book;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One account's live state: today's orders, executions, positions and balances, kept current by
 * order events and served to polling clients without a broker call. Updates come from one event
 * consumer and from the order path's own acknowledgements; reads are lock-free.
 */
public final class AccountBook {

    /** A final order stays listed at least this long, even across the end of the trading day. */
    static final Duration FINAL_RETENTION = Duration.ofMinutes(1);

    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Order::orderId, Comparator.reverseOrder());

    private final Account account;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Position> positions = new ConcurrentHashMap<>();
    /** When each open position was first seen open (TradingView's individual positions carry an opening time). */
    private final Map<InstrumentId, Instant> openedAt = new ConcurrentHashMap<>();
    private volatile List<Balance> balances = List.of();
    private EventStamp lastStamp;

    AccountBook(Account account) {
        this.account = account;
    }

    public Account account() {
        return account;
    }

    /**
     * Whether an event with this stamp is new: events of an older ownership epoch (a stale owner)
     * and repeats of a sequence already applied are dropped.
     */
    synchronized boolean accept(EventStamp stamp) {
        if (lastStamp != null && !stamp.isAfter(lastStamp)) {
            return false;
        }
        lastStamp = stamp;
        return true;
    }

    /** Applies an order snapshot if it moves the order forward; returns the order now held. */
    public Order apply(Order order) {
        Order named = order.withAccountId(account.id());
        return orders.compute(named.orderId(), (id, current) -> OrderLifecycle.supersedes(current, named) ? named : current);
    }

    /** As {@link #apply(Order)}, but says whether the snapshot changed anything: only changes are journaled. */
    Optional<Order> advance(Order order) {
        Order named = order.withAccountId(account.id());
        return apply(named) == named ? Optional.of(named) : Optional.empty();
    }

    /** True when the execution was not known yet. */
    public boolean apply(Execution execution) {
        Execution named = execution.withAccountId(account.id());
        return executions.putIfAbsent(named.executionId(), named) == null;
    }

    public void apply(Position position) {
        Position named = position.withAccountId(account.id());
        if (named.isFlat()) {
            positions.remove(named.instrument());
            openedAt.remove(named.instrument());
        } else {
            positions.put(named.instrument(), named);
            openedAt.putIfAbsent(named.instrument(), Instant.now());
        }
    }

    /** Replaces all positions (reconciliation); positions still open keep their opening time. */
    void replacePositions(List<Position> all) {
        positions.clear();
        all.forEach(this::apply);
        openedAt.keySet().retainAll(positions.keySet());
    }

    /** When the position in this instrument was first seen open, or null when there is none. */
    public Instant openedAt(InstrumentId instrument) {
        return openedAt.get(instrument);
    }

    public void apply(List<Balance> all) {
        balances = all.stream().map(b -> b.withAccountId(account.id())).toList();
    }

    public Optional<Order> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    public Optional<Order> byClientOrderId(String clientOrderId) {
        return orders.values().stream().filter(o -> clientOrderId.equals(o.clientOrderId())).findFirst();
    }

    /** Newest first. */
    public List<Order> orders() {
        return orders.values().stream().sorted(NEWEST_FIRST).toList();
    }

    public List<Order> openOrders() {
        return orders.values().stream().filter(o -> o.status().isOpen()).sorted(NEWEST_FIRST).toList();
    }

    public List<Execution> executions() {
        return executions.values().stream().sorted(Comparator.comparing(Execution::time).reversed()).toList();
    }

    public List<Position> positions() {
        return positions.values().stream().sorted(Comparator.comparing(Position::instrument)).toList();
    }

    public List<Balance> balances() {
        return balances;
    }

    /**
     * Forgets orders and executions of earlier trading days (in the account's market time zone), but
     * keeps a final order for {@link #FINAL_RETENTION} after its last change and every open order.
     */
    void prune(Instant now, Instant startOfTradingDay) {
        Instant keepFinalsAfter = now.minus(FINAL_RETENTION);
        orders.values().removeIf(o -> o.status().isFinal() && o.updatedAt() != null
                && o.updatedAt().isBefore(startOfTradingDay) && o.updatedAt().isBefore(keepFinalsAfter));
        executions.values().removeIf(e -> e.time().isBefore(startOfTradingDay));
    }
}

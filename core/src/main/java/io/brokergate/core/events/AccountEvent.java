package io.brokergate.core.events;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import java.util.List;
import java.util.Objects;

/**
 * An account-scoped event on the {@code order-events} channel, keyed by account: an order
 * snapshot after every change, an execution, a position or balance change, or a change of the
 * upstream socket's state. Order and execution events are never dropped or conflated anywhere.
 * Exactly one payload is set, matching {@link #kind()}.
 *
 * @param connection upstream socket state and its detail, for {@link Kind#CONNECTION}
 */
public record AccountEvent(int version, Kind kind, EventStamp stamp, Order order, Execution execution,
                           Position position, List<Balance> balances, Connection connection)
        implements WireEvent {

    public static final int VERSION = 1;

    public enum Kind { ORDER, EXECUTION, POSITION, BALANCES, CONNECTION }

    /** Upstream socket state as clients see it ({@code connected}, {@code reconnecting}, {@code stalled}, …). */
    public record Connection(String state, String detail) {
    }

    public AccountEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stamp, "stamp");
        balances = balances == null ? null : List.copyOf(balances);
        int set = (order != null ? 1 : 0) + (execution != null ? 1 : 0) + (position != null ? 1 : 0)
                + (balances != null ? 1 : 0) + (connection != null ? 1 : 0);
        boolean matches = switch (kind) {
            case ORDER -> order != null;
            case EXECUTION -> execution != null;
            case POSITION -> position != null;
            case BALANCES -> balances != null;
            case CONNECTION -> connection != null;
        };
        if (set != 1 || !matches) {
            throw new IllegalArgumentException(kind + " event must carry exactly its own payload");
        }
    }

    public static AccountEvent order(EventStamp s, Order o) {
        return new AccountEvent(VERSION, Kind.ORDER, s, o, null, null, null, null);
    }

    public static AccountEvent execution(EventStamp s, Execution e) {
        return new AccountEvent(VERSION, Kind.EXECUTION, s, null, e, null, null, null);
    }

    public static AccountEvent position(EventStamp s, Position p) {
        return new AccountEvent(VERSION, Kind.POSITION, s, null, null, p, null, null);
    }

    public static AccountEvent balances(EventStamp s, List<Balance> b) {
        return new AccountEvent(VERSION, Kind.BALANCES, s, null, null, null, b, null);
    }

    public static AccountEvent connection(EventStamp s, String state, String detail) {
        return new AccountEvent(VERSION, Kind.CONNECTION, s, null, null, null, null, new Connection(state, detail));
    }

    /** Message key: the account, so one account's events stay in order. */
    @Override
    public String key() {
        return stamp.accountId();
    }

    /** Orders and executions must reach every consumer; the rest may be conflated to the latest. */
    public boolean isLossless() {
        return kind == Kind.ORDER || kind == Kind.EXECUTION;
    }
}

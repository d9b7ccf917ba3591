package io.brokergate.stream.fanout;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.stream.fanout.RetentionRing.Retained;
import io.brokergate.stream.fanout.ServerMessages.AccountState;
import io.brokergate.stream.fanout.ServerMessages.Event;
import io.brokergate.stream.fanout.ServerMessages.Resumed;
import io.brokergate.stream.fanout.ServerMessages.Resync;
import io.brokergate.stream.fanout.ServerMessages.Status;
import io.brokergate.stream.fanout.ServerMessages.Subscribed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * Everything the hub keeps for one account: the last-value state built from its account events
 * (orders by id, positions, balances, connection), the retention ring for resume, the sessions
 * on each account stream, and its instruments' market-data feeds. One lock orders events,
 * snapshots and replays, so a subscriber sees its snapshot and then exactly the later events.
 */
final class AccountFeed {

    private final String accountId;
    private final int maxOrders;
    private final RetentionRing ring;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<InstrumentId, TrackedPosition> positions = new LinkedHashMap<>();
    private List<Balance> balances = List.of();
    private AccountEvent.Connection connection;
    /** Recently delivered execution ids, oldest first (bounded like the orders). */
    private final Set<String> executions;
    private long epoch = -1;
    private long lastSequence = -1;
    private final Subscribers[] subscribers = new Subscribers[StreamKind.values().length];
    private final Map<InstrumentId, InstrumentFeed> instruments = new ConcurrentHashMap<>();

    private final DoubleConsumer conflated;

    AccountFeed(String accountId, int maxOrders, int retainedEvents, long retentionNanos, DoubleConsumer conflated) {
        this.accountId = accountId;
        this.conflated = conflated;
        this.maxOrders = maxOrders;
        this.ring = new RetentionRing(retainedEvents, retentionNanos);
        this.executions = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 4 * maxOrders;
            }
        });
        for (int i = 0; i < subscribers.length; i++) {
            subscribers[i] = new Subscribers();
        }
    }

    InstrumentFeed instrument(InstrumentId id) {
        return instruments.computeIfAbsent(id, i -> new InstrumentFeed(accountId, i, conflated));
    }

    synchronized void accept(AccountEvent e, FrameWriter writer, long nowNanos) {
        long evEpoch = e.stamp().epoch();
        long seq = e.stamp().sequence();
        if (evEpoch < epoch || (evEpoch == epoch && seq <= lastSequence)) {
            return; // a stale owner's event or a redelivery: clients already have it
        }
        if (evEpoch > epoch) {
            ring.clear(); // sequences restart with a new owner; older ones cannot be resumed from
        }
        epoch = evEpoch;
        lastSequence = seq;
        if (repeats(e)) {
            return;
        }
        apply(e);
        StreamKind stream = StreamKind.of(e.kind());
        Frame frame = e.kind() == AccountEvent.Kind.CONNECTION
                ? writer.frame("status", id(evEpoch, seq), new Status("status", accountId, evEpoch, seq,
                        e.connection().state(), e.connection().detail()))
                : writer.frame("event", id(evEpoch, seq), new Event("event", stream.wireName(), accountId, null,
                        evEpoch, seq, payload(e)));
        ring.add(new Retained(seq, stream, frame, nowNanos));
        if (e.kind() == AccountEvent.Kind.CONNECTION) {
            for (ClientSession s : watchers()) {
                s.outbox().offerLossless(frame);
            }
            return;
        }
        for (ClientSession s : subscribers[stream.ordinal()].current()) {
            s.outbox().offerLossless(frame);
        }
    }

    /** Adds an account-stream subscription and queues its snapshot; false if the session already had it. */
    synchronized boolean subscribe(ClientSession s, SubscriptionKey key, String ref, FrameWriter writer) {
        if (s.subscriptions.putIfAbsent(key, ClientSession.State.ACTIVE) != null) {
            return false;
        }
        queueSnapshot(s, key.stream(), ref, writer);
        subscribers[key.stream().ordinal()].add(s);
        return true;
    }

    synchronized void unsubscribe(ClientSession s, SubscriptionKey key) {
        subscribers[key.stream().ordinal()].remove(s);
        s.subscriptions.remove(key);
    }

    /**
     * Subscribes the session to the streams and replays what it missed from {@code fromSequence}
     * on; outside the retention window (or another epoch) a {@code resync} and fresh snapshots
     * instead.
     */
    synchronized void resume(ClientSession s, Set<StreamKind> streams, String ref, Long clientEpoch,
                             long fromSequence, FrameWriter writer, long nowNanos) {
        List<Retained> missed = null;
        boolean sameEpoch = clientEpoch == null || clientEpoch == epoch;
        if (sameEpoch && epoch >= 0) {
            if (fromSequence == lastSequence + 1) {
                missed = List.of();
            } else if (fromSequence <= lastSequence) {
                missed = ring.since(fromSequence, streams, nowNanos);
            }
        }
        for (StreamKind stream : streams) {
            SubscriptionKey key = new SubscriptionKey(stream, accountId, null);
            s.subscriptions.put(key, ClientSession.State.ACTIVE);
            subscribers[stream.ordinal()].add(s);
        }
        if (missed == null) {
            String reason = epoch < 0 ? "no events retained for this account"
                    : !sameEpoch ? "the account's stream moved to epoch " + epoch
                    : "sequence " + fromSequence + " is outside the retention window";
            s.outbox().offerLossless(writer.frame("resync", null,
                    new Resync("resync", ref, accountId, reason, Math.max(epoch, 0), lastSequence)));
            for (StreamKind stream : streams) {
                queueSnapshot(s, stream, ref, writer);
            }
            return;
        }
        List<String> names = streams.stream().map(StreamKind::wireName).sorted().toList();
        s.outbox().offerLossless(writer.frame("resumed", null,
                new Resumed("resumed", ref, accountId, names, epoch, fromSequence, missed.size())));
        for (Retained r : missed) {
            s.outbox().offerLossless(r.frame());
        }
    }

    private void queueSnapshot(ClientSession s, StreamKind stream, String ref, FrameWriter writer) {
        Object snapshot = switch (stream) {
            case ORDERS -> new ArrayList<>(orders.values());
            case POSITIONS -> positions.values().stream().filter(p -> !p.position().isFlat()).toList();
            case ACCOUNT -> new AccountState(balances, connection);
            default -> List.of(); // executions are events only; resume replays missed ones
        };
        s.outbox().offerLossless(writer.frame("subscribed", lastSequence < 0 ? null : id(epoch, lastSequence),
                new Subscribed("subscribed", ref, stream.wireName(), accountId, null,
                        epoch < 0 ? null : epoch, lastSequence < 0 ? null : lastSequence, snapshot)));
    }

    /**
     * An order state or execution clients already have: a new owner's opening snapshot and its adapter's
     * first reconciliation restate every order of the day (and its fills), and after a failover those
     * were mostly published by the previous owner. Clients see each change once; the skipped sequence
     * numbers are simply absent (resuming from them replays what follows).
     */
    private boolean repeats(AccountEvent e) {
        return switch (e.kind()) {
            case ORDER -> sameState(orders.get(e.order().orderId()), e.order()) || older(orders.get(e.order().orderId()), e.order());
            case EXECUTION -> !executions.add(e.execution().executionId());
            default -> false;
        };
    }

    private static boolean sameState(Order before, Order now) {
        return before != null && before.status() == now.status() && same(before.filledQuantity(), now.filledQuantity())
                && same(before.quantity(), now.quantity()) && same(before.limitPrice(), now.limitPrice())
                && same(before.stopPrice(), now.stopPrice()) && same(before.averageFillPrice(), now.averageFillPrice());
    }

    /**
     * A state the order has already left: a final order does not reopen, fills do not shrink. A new
     * owner's adapter can report an order's earlier state (its reconciliation walks the order from
     * what it knew, which is nothing) after the snapshot already showed the later one.
     */
    private static boolean older(Order before, Order now) {
        if (before == null) {
            return false;
        }
        boolean reopened = before.status().isFinal() && !now.status().isFinal();
        boolean lessFilled = before.filledQuantity() != null && now.filledQuantity() != null
                && now.filledQuantity().compareTo(before.filledQuantity()) < 0;
        return reopened || lessFilled;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void apply(AccountEvent e) {
        switch (e.kind()) {
            case ORDER -> {
                orders.remove(e.order().orderId()); // re-insert so the oldest-changed is evicted first
                orders.put(e.order().orderId(), e.order());
                if (orders.size() > maxOrders) {
                    orders.remove(orders.keySet().iterator().next());
                }
            }
            case POSITION -> positions.put(e.position().instrument(), track(e));
            case BALANCES -> balances = e.balances();
            case CONNECTION -> connection = e.connection();
            case EXECUTION -> {
                // executions change orders and positions, which arrive as their own events
            }
        }
    }

    /** Keeps the opening time while a position stays open; a flat one has none. */
    private TrackedPosition track(AccountEvent e) {
        Position p = e.position();
        if (p.isFlat()) {
            return new TrackedPosition(p, null);
        }
        TrackedPosition before = positions.get(p.instrument());
        Instant opened = before == null || before.openedAt() == null ? e.stamp().publishedAt() : before.openedAt();
        return new TrackedPosition(p, opened);
    }

    private Object payload(AccountEvent e) {
        return switch (e.kind()) {
            case ORDER -> e.order();
            case EXECUTION -> e.execution();
            case POSITION -> positions.get(e.position().instrument());
            case BALANCES -> new AccountState(e.balances(), null);
            case CONNECTION -> e.connection();
        };
    }

    /** Sessions on any stream of this account or its market data, each once (status changes are rare: allocating is fine). */
    private Set<ClientSession> watchers() {
        Set<ClientSession> all = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (StreamKind k : List.of(StreamKind.ORDERS, StreamKind.EXECUTIONS, StreamKind.POSITIONS, StreamKind.ACCOUNT)) {
            all.addAll(List.of(subscribers[k.ordinal()].current()));
        }
        for (InstrumentFeed feed : instruments.values()) {
            feed.addSubscribersTo(all);
        }
        return all;
    }

    static String id(long epoch, long sequence) {
        return epoch + "-" + sequence;
    }
}

package io.brokergate.stream.fanout;

import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.stream.fanout.ServerMessages.Event;
import io.brokergate.stream.fanout.ServerMessages.LastValue;
import io.brokergate.stream.fanout.ServerMessages.Subscribed;
import io.vertx.core.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Market data of one instrument through one account's feed: the last value and a hub-assigned
 * sequence per kind, and the sessions subscribed to each kind. A sequence gap seen by a client
 * means values were conflated away. Pushes of a stale owner (an older epoch) and redeliveries (a
 * sequence already seen: the owner numbers each instrument's pushes) are dropped.
 */
final class InstrumentFeed {

    private static final int KINDS = 3; // QUOTES, DEPTH, TRADES are the first three StreamKinds

    private final String accountId;
    private final InstrumentId instrument;
    private final Object[] lastPayload = new Object[KINDS];
    private final long[] sequence = new long[KINDS];
    private final Subscribers[] subscribers = {new Subscribers(), new Subscribers(), new Subscribers()};
    /** Identity keys for the latest-wins slots in client outboxes: one per (feed, instrument, kind). */
    private final Object[] conflationKeys = {new Object(), new Object(), new Object()};

    /** Per kind, the dispatch to each event loop with subscribers; guarded by this. */
    @SuppressWarnings("unchecked")
    private final Map<Context, LoopDispatch>[] loops = new Map[] {new HashMap<>(), new HashMap<>(), new HashMap<>()};
    private final DoubleConsumer conflated;
    /** The owner's stamp of the newest push accepted; guarded by this. */
    private EventStamp newest;

    InstrumentFeed(String accountId, InstrumentId instrument, DoubleConsumer conflated) {
        this.accountId = accountId;
        this.instrument = instrument;
        this.conflated = conflated;
    }

    synchronized void accept(MarketDataEvent e, FrameWriter writer) {
        if (newest != null && !e.stamp().isAfter(newest)) {
            return;
        }
        newest = e.stamp();
        StreamKind stream = StreamKind.of(e.kind());
        int k = stream.ordinal();
        Object payload = switch (e.kind()) {
            case QUOTE -> e.quote();
            case DEPTH -> e.depth();
            case TRADES -> e.trades();
        };
        lastPayload[k] = payload;
        long seq = ++sequence[k];
        Subscribers.Group[] groups = subscribers[k].byEventLoop();
        if (groups.length == 0) {
            return; // cached for the next subscriber; nothing serialized
        }
        Frame frame = writer.frame("event", null,
                new Event("event", stream.wireName(), accountId, instrument.symbol(), null, seq, payload));
        Object slot = conflationKeys[k];
        for (Subscribers.Group g : groups) {
            if (g.context() == null) {
                for (ClientSession s : g.sessions()) {
                    s.outbox().offerLatest(slot, frame);
                }
            } else {
                // One task per event loop: its clients' writes then happen on their own thread.
                loops[k].computeIfAbsent(g.context(), c -> new LoopDispatch(c, slot, conflated)).offer(frame, g.sessions());
            }
        }
    }

    /** Activates a granted subscription and queues its snapshot, atomically with respect to events. */
    synchronized boolean activate(ClientSession s, SubscriptionKey key, String ref, FrameWriter writer) {
        if (!s.subscriptions.replace(key, ClientSession.State.PENDING, ClientSession.State.ACTIVE)) {
            return false; // unsubscribed or disconnected while UpstreamDemand was deciding
        }
        int k = key.stream().ordinal();
        Object last = lastPayload[k];
        // Registered before "subscribed" leaves: account-level status events are dispatched under the
        // account's lock, not this one, and must reach a client that has already seen "subscribed".
        // Market data for this instrument cannot interleave: it is dispatched under this lock.
        subscribers[k].add(s);
        s.outbox().offerLossless(writer.frame("subscribed", null, new Subscribed("subscribed", ref,
                key.stream().wireName(), accountId, instrument.symbol(), null, sequence[k],
                last == null ? null : new LastValue(sequence[k], last))));
        return true;
    }

    /** @return true when the subscription was active, so its upstream demand must be released */
    synchronized boolean deactivate(ClientSession s, SubscriptionKey key) {
        subscribers[key.stream().ordinal()].remove(s);
        return s.subscriptions.remove(key) == ClientSession.State.ACTIVE;
    }

    /** Adds the sessions on any kind of this instrument (for upstream status changes). */
    void addSubscribersTo(java.util.Set<ClientSession> into) {
        for (Subscribers kind : subscribers) {
            into.addAll(java.util.List.of(kind.current()));
        }
    }
}

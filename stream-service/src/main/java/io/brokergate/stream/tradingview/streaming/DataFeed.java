package io.brokergate.stream.tradingview.streaming;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.ClientTransport;
import io.brokergate.stream.fanout.Frame;
import io.brokergate.stream.fanout.ServerMessages;
import io.brokergate.stream.fanout.ServerMessages.Event;
import io.brokergate.stream.fanout.StreamKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The market data of one account's broker socket as {@code /tv/streaming} lines, shared by every
 * connection streaming from that account. It is one hub client (one upstream subscription per
 * symbol and kind, whatever the number of connections), reading typed frames; each event becomes
 * its lines once, and the same text goes to every connection in the same order, heartbeats
 * included, so parallel connections carry identical data from the moment they joined.
 */
final class DataFeed implements ClientTransport {

    private static final Logger LOG = Logger.getLogger(DataFeed.class);

    /** A subscription the hub refused, and when to ask again. */
    record Refused(StreamKind stream, InstrumentId instrument, long retryAtNanos) {
    }

    private final String accountId;
    private final StreamingLines lines;
    private final long retryNanos;
    private final List<StreamingConnection> connections = new ArrayList<>();
    private final Map<String, Refused> refused = new HashMap<>();
    private final Map<String, String> warned = new HashMap<>();
    private ClientSession session;

    DataFeed(String accountId, StreamingLines lines, long retryNanos) {
        this.accountId = accountId;
        this.lines = lines;
        this.retryNanos = retryNanos;
    }

    String accountId() {
        return accountId;
    }

    synchronized void attach(ClientSession hubSession) {
        this.session = hubSession;
    }

    synchronized ClientSession session() {
        return session;
    }

    /** The hub reference of one subscription, so that a refusal names what to retry. */
    static String ref(StreamKind stream, InstrumentId instrument) {
        return stream.wireName() + ' ' + instrument.symbol();
    }

    @Override
    public synchronized void send(Frame frame, Sent done) {
        Object message = frame.message();
        if (message instanceof Event e) {
            StringBuilder out = new StringBuilder(160);
            append(e.payload(), out);
            if (out.length() > 0) {
                broadcast(out.toString());
            }
        } else if (message instanceof ServerMessages.Error error && error.ref() != null) {
            refused(error);
        }
        done.sent(null); // subscribed snapshots, status and heartbeats of the hub: /streaming is real-time only
    }

    @SuppressWarnings("unchecked")
    private void append(Object payload, StringBuilder out) {
        if (payload instanceof Quote q) {
            lines.quote(q, out);
        } else if (payload instanceof Depth d) {
            lines.depth(d, out);
        } else if (payload instanceof List<?> ticks) {
            lines.trades((List<TradeTick>) ticks, out);
        }
    }

    private void refused(ServerMessages.Error error) {
        int space = error.ref().indexOf(' ');
        StreamKind stream = StreamKind.parse(error.ref().substring(0, Math.max(space, 0))).orElse(null);
        if (stream == null) {
            return;
        }
        InstrumentId id = InstrumentId.parse(error.ref().substring(space + 1));
        // A broker that is not up yet is asked again soon; a cap or an unknown symbol much later.
        long wait = "broker_unavailable".equals(error.code()) ? retryNanos : retryNanos * 12;
        refused.put(error.ref(), new Refused(stream, id, System.nanoTime() + wait));
        if (!error.message().equals(warned.put(error.ref(), error.message()))) {
            LOG.warnf("/tv/streaming from %s: %s refused (%s); retrying", accountId, error.ref(), error.message());
        }
    }

    /** Every connection gets the same text in the same order. */
    private void broadcast(String text) {
        Frame f = Frame.text("lines", null, text);
        for (StreamingConnection c : connections) {
            c.offer(f);
        }
    }

    synchronized void join(StreamingConnection c) {
        connections.add(c);
    }

    /** @return true when no connection is left */
    synchronized boolean leave(StreamingConnection c) {
        connections.remove(c);
        return connections.isEmpty();
    }

    synchronized int connectionCount() {
        return connections.size();
    }

    /**
     * The periodic tick: the heartbeat on every connection, dead connections closed, and the
     * refused subscriptions that are due returned for the caller to ask again (outside this lock).
     */
    synchronized List<Refused> tick(long unixSeconds, long stallNanos) {
        broadcast(StreamingLines.heartbeat(unixSeconds));
        for (StreamingConnection c : connections) {
            c.closeIfStalled(stallNanos); // closes on the connection's event loop, not under this lock
        }
        long now = System.nanoTime();
        List<Refused> due = new ArrayList<>();
        refused.values().removeIf(r -> {
            if (r.retryAtNanos() - now > 0) {
                return false;
            }
            due.add(r);
            return true;
        });
        return due;
    }

    /** Shutdown (the hub closes its clients): every connection ends; TradingView reconnects to another pod. */
    @Override
    public void close(String reason) {
        List<StreamingConnection> all;
        synchronized (this) {
            all = List.copyOf(connections);
        }
        all.forEach(c -> c.close(reason));
    }

    @Override
    public String protocol() {
        return "tradingview-streaming";
    }
}

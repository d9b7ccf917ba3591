package io.brokergate.stream.fanout;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * One client's bounded queue between the hub and its connection. Lossless frames (orders,
 * executions, status, control answers) queue in order up to a bound; beyond it the client is
 * disconnected as too slow rather than losing one. Market data waits in a latest-wins slot per
 * (feed, instrument, kind), so a slow client gets the newest value and never an ever-growing
 * backlog. Offering never blocks: frames go out through the transport's non-blocking send,
 * at most {@code window} at a time, and the next ones leave as earlier sends complete.
 */
public final class ClientOutbox {

    /** What the hub learns from an outbox. */
    public interface Listener {
        void conflated();

        void tooSlow(ClientOutbox outbox);
    }

    private static final Logger LOG = Logger.getLogger(ClientOutbox.class);

    private final ClientTransport transport;
    private final int losslessBound;
    private final int window;
    private final Listener listener;
    private final ArrayDeque<Frame> lossless = new ArrayDeque<>();
    private final LinkedHashMap<Object, Frame> latest = new LinkedHashMap<>();
    /** One callback object for every send of this client. */
    private final ClientTransport.Sent onSent = this::sent;
    private int inFlight;
    private boolean pumping;
    private boolean failed;
    private String closeWhenDrained;

    public ClientOutbox(ClientTransport transport, int losslessBound, int window, Listener listener) {
        this.transport = transport;
        this.losslessBound = losslessBound;
        this.window = Math.max(1, window);
        this.listener = listener;
    }

    /** Queues a frame that must arrive; false when the client is gone or has just been found too slow. */
    public boolean offerLossless(Frame frame) {
        boolean overflow;
        synchronized (this) {
            if (failed || closeWhenDrained != null) {
                return false;
            }
            overflow = lossless.size() >= losslessBound;
            if (overflow) {
                failed = true;
                lossless.clear();
                latest.clear();
            } else {
                lossless.add(frame);
                pump();
            }
        }
        if (overflow) {
            // Outside the lock: the listener closes the connection, which calls back into the hub.
            listener.tooSlow(this);
        }
        return !overflow;
    }

    /** Replaces any unsent frame with the same key, so only the newest value per key waits. */
    public void offerLatest(Object key, Frame frame) {
        boolean replaced;
        synchronized (this) {
            if (failed || closeWhenDrained != null) {
                return;
            }
            if (!pumping && inFlight < window && lossless.isEmpty() && latest.isEmpty()) {
                // A client keeping up (the usual case): straight out, no slot to fill and empty again.
                inFlight++;
                sendOne(frame);
                return;
            }
            replaced = latest.put(key, frame) != null;
            pump();
        }
        if (replaced) {
            listener.conflated();
        }
    }

    /** Sends what is queued, then closes the connection with the reason (graceful shutdown). */
    public void closeWhenDrained(String reason) {
        boolean closeNow;
        synchronized (this) {
            if (failed || closeWhenDrained != null) {
                return;
            }
            closeWhenDrained = reason;
            latest.clear();
            closeNow = inFlight == 0 && lossless.isEmpty();
        }
        if (closeNow) {
            transport.close(reason);
        }
    }

    /** Frames waiting (not yet handed to the connection). */
    public synchronized int depth() {
        return lossless.size() + latest.size();
    }

    public ClientTransport transport() {
        return transport;
    }

    private void pump() {
        if (pumping) {
            return; // a send completed synchronously inside the loop below; the loop carries on
        }
        pumping = true;
        try {
            while (inFlight < window && !failed) {
                Frame next = lossless.poll();
                if (next == null) {
                    next = pollLatest();
                }
                if (next == null) {
                    break;
                }
                inFlight++;
                sendOne(next);
            }
        } finally {
            pumping = false;
        }
    }

    /**
     * A transport that throws (a frame it cannot render) fails this client only, never the
     * dispatching hub: the client is closed (asynchronously: the caller holds locks) and resumes.
     */
    private void sendOne(Frame frame) {
        try {
            transport.send(frame, onSent);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not send %s to a %s client; closing it", frame, transport.protocol());
            CompletableFuture.runAsync(() -> transport.close("internal error; reconnect and resume"));
            sent(e);
        }
    }

    private Frame pollLatest() {
        if (latest.isEmpty()) {
            return null;
        }
        Iterator<Map.Entry<Object, Frame>> it = latest.entrySet().iterator();
        Frame f = it.next().getValue();
        it.remove();
        return f;
    }

    private void sent(Throwable error) {
        String close = null;
        synchronized (this) {
            inFlight--;
            if (error != null) {
                failed = true; // the connection is gone; its close handler tells the hub
                lossless.clear();
                latest.clear();
                return;
            }
            pump();
            if (closeWhenDrained != null && inFlight == 0 && lossless.isEmpty()) {
                close = closeWhenDrained;
            }
        }
        if (close != null) {
            transport.close(close);
        }
    }
}

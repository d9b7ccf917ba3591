package io.brokergate.sim.longport;

import io.netty.channel.Channel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketInternal;
import java.util.HashMap;
import java.util.Map;

/**
 * One client socket and its state machine:
 * {@code AWAITING_AUTH → AUTHENTICATED → CLOSING → CLOSED} (CLOSING: a final reply and the Close
 * push are on their way, nothing more is read). Only touched on the server's event loop.
 */
final class SocketConnection {

    enum State { AWAITING_AUTH, AUTHENTICATED, CLOSING, CLOSED }

    private final long id;
    private final SocketKind kind;
    private final ServerWebSocket ws;
    private final String remote;
    private State state = State.AWAITING_AUTH;
    private String accountNo;
    private long lastInboundNanos;
    private long lastPingNanos;
    /** Quote socket: subscribed symbol → bit set of SubType values (1 << type). */
    private final Map<String, Integer> subscriptions = new HashMap<>();
    /** Trade socket: subscribed to topic "private". */
    private boolean privateTopic;

    SocketConnection(long id, SocketKind kind, ServerWebSocket ws, long nowNanos) {
        this.id = id;
        this.kind = kind;
        this.ws = ws;
        this.remote = String.valueOf(ws.remoteAddress());
        this.lastInboundNanos = nowNanos;
        this.lastPingNanos = nowNanos;
    }

    long id() {
        return id;
    }

    SocketKind kind() {
        return kind;
    }

    State state() {
        return state;
    }

    boolean isAuthenticated() {
        return state == State.AUTHENTICATED;
    }

    /** Reading stops once a close is under way. */
    boolean acceptsInput() {
        return state == State.AWAITING_AUTH || state == State.AUTHENTICATED;
    }

    /** Set once Auth or Reconnect succeeded, and kept after close for the bookkeeping. */
    String accountNo() {
        return accountNo;
    }

    void authenticated(String account) {
        state = State.AUTHENTICATED;
        accountNo = account;
    }

    void closing() {
        if (state != State.CLOSED) {
            state = State.CLOSING;
        }
    }

    /** @return false when it was already closed, so that cleanup runs once */
    boolean markClosed() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        return true;
    }

    void touched(long nowNanos) {
        lastInboundNanos = nowNanos;
    }

    long lastInboundNanos() {
        return lastInboundNanos;
    }

    long lastPingNanos() {
        return lastPingNanos;
    }

    Map<String, Integer> subscriptions() {
        return subscriptions;
    }

    boolean privateTopic() {
        return privateTopic;
    }

    void privateTopic(boolean on) {
        privateTopic = on;
    }

    /** Writes one binary message; nothing once closed (a late reply after a drop). */
    void send(Buffer frame) {
        if (state != State.CLOSED && !ws.isClosed()) {
            ws.writeBinaryMessage(frame);
        }
    }

    void ping(long nowNanos) {
        lastPingNanos = nowNanos;
        if (!ws.isClosed()) {
            ws.writePing(Buffer.buffer());
        }
    }

    /** WebSocket close handshake, after whatever was written before. */
    void closeGracefully() {
        if (!ws.isClosed()) {
            ws.close();
        }
    }

    /**
     * Drops the TCP connection with neither a Close push nor a WebSocket close frame, as a network
     * failure would. Vert.x has no public API for that, and its pipeline turns a channel close into a
     * graceful WebSocket close, hence Netty's unsafe close on the internal channel.
     */
    void closeAbruptly() {
        if (ws instanceof WebSocketInternal internal) {
            Channel channel = internal.channelHandlerContext().channel();
            channel.eventLoop().execute(() -> channel.unsafe().close(channel.voidPromise()));
        } else {
            ws.close();
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " socket #" + id
                + (accountNo == null ? "" : " of " + accountNo) + " from " + remote;
    }
}

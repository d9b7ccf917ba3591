package io.brokergate.stream.websocket;

import io.brokergate.stream.fanout.ClientTransport;
import io.brokergate.stream.fanout.Frame;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;

/**
 * A Vert.x server WebSocket as a hub client. Writes are the socket's own non-blocking writes with a
 * completion handler: no futures or reactive wrappers per message, which matters at one write per
 * message and client.
 */
final class WebSocketTransport implements ClientTransport {

    /** "Try again later": both reasons the hub closes (too slow, shutting down) ask the client to reconnect. */
    static final short TRY_AGAIN_LATER = 1013;
    static final short POLICY_VIOLATION = 1008;
    /** At most 3 bytes of UTF-8 per char: 48 KiB per frame. */
    static final int FRAGMENT_CHARS = 16_384;

    private final ServerWebSocket socket;
    private final Context eventLoop;
    /** The outbox passes the same callback every time; its write handler is made once. */
    private Sent lastDone;
    private Handler<AsyncResult<Void>> written;

    /** Made on the socket's event loop, which it remembers for the hub. */
    WebSocketTransport(ServerWebSocket socket) {
        this.socket = socket;
        this.eventLoop = Vertx.currentContext();
    }

    @Override
    public Context eventLoop() {
        return eventLoop;
    }

    @Override
    public void send(Frame frame, Sent done) {
        Handler<AsyncResult<Void>> h = written;
        if (done != lastDone) {
            h = result -> done.sent(result.cause());
            written = h;
            lastDone = done;
        }
        String json = frame.json();
        if (json.length() <= FRAGMENT_CHARS) {
            socket.writeTextMessage(json, h);
        } else {
            writeFragmented(json, h);
        }
    }

    /**
     * A long message (an order snapshot can be megabytes) as a text frame and continuation frames of
     * at most {@value #FRAGMENT_CHARS} chars: under the 64 KiB frame limit most client libraries keep by
     * default, which the server's own 1 MiB (for reading clients' frames) would exceed. Never splits a
     * surrogate pair, so every fragment is whole UTF-8.
     */
    private void writeFragmented(String json, Handler<AsyncResult<Void>> h) {
        int start = 0;
        while (start < json.length()) {
            int end = Math.min(json.length(), start + FRAGMENT_CHARS);
            if (end < json.length() && Character.isHighSurrogate(json.charAt(end - 1))) {
                end--;
            }
            boolean last = end == json.length();
            String part = json.substring(start, end);
            WebSocketFrame f = start == 0 ? WebSocketFrame.textFrame(part, last) : WebSocketFrame.continuationFrame(Buffer.buffer(part), last);
            if (last) {
                socket.writeFrame(f, h);
            } else {
                socket.writeFrame(f);
            }
            start = end;
        }
    }

    @Override
    public void close(String reason) {
        close(socket, TRY_AGAIN_LATER, reason);
    }

    @Override
    public String protocol() {
        return "ws";
    }

    static void close(ServerWebSocket socket, short code, String reason) {
        if (!socket.isClosed()) {
            socket.close(code, fit(reason));
        }
    }

    /** A close frame's reason must fit in 123 bytes of UTF-8. */
    private static String fit(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 2);
        }
        return r;
    }
}

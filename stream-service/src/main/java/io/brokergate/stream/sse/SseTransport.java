package io.brokergate.stream.sse;

import io.brokergate.stream.fanout.ClientTransport;
import io.brokergate.stream.fanout.Frame;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** A {@code text/event-stream} response as a hub client. */
final class SseTransport implements ClientTransport {

    private final HttpServerRequest request;
    private final Context eventLoop = Vertx.currentContext();

    /** Made on the request's event loop, which it remembers for the hub. */
    SseTransport(HttpServerRequest request) {
        this.request = request;
    }

    @Override
    public Context eventLoop() {
        return eventLoop;
    }

    /** The rendering key of SSE events on frames. */
    private static final Object SSE = new Object();

    @Override
    public void send(Frame frame, Sent done) {
        // one encoded event per frame for every SSE client (Vert.x writes a shared buffer as a slice)
        Buffer event = frame.rendered(SSE, f -> Buffer.buffer(format(f)));
        request.response().write(event, written -> done.sent(written.cause()));
    }

    /** Ends the stream; the connection is closed too so a client that stopped reading cannot hold it. */
    @Override
    public void close(String reason) {
        if (!request.response().ended()) {
            request.response().end().onComplete(done -> request.connection().close());
        }
    }

    @Override
    public String protocol() {
        return "sse";
    }

    static String format(Frame frame) {
        if (frame.type().equals("heartbeat")) {
            return ": heartbeat\n\n"; // a comment: keeps proxies from timing out, never an event for the client
        }
        StringBuilder b = new StringBuilder(frame.json().length() + 48);
        if (frame.id() != null) {
            b.append("id: ").append(frame.id()).append('\n');
        }
        // JSON from the writer has no raw newlines, so one data line carries it.
        return b.append("event: ").append(frame.type()).append('\n').append("data: ").append(frame.json()).append("\n\n").toString();
    }
}

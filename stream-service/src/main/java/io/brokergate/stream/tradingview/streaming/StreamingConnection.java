package io.brokergate.stream.tradingview.streaming;

import io.brokergate.stream.fanout.ClientOutbox;
import io.brokergate.stream.fanout.ClientTransport;
import io.brokergate.stream.fanout.Frame;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One {@code /tv/streaming} connection: a chunked response fed from its feed through a lossless,
 * bounded outbox. Nothing is conflated (TradingView expects the same data on every connection);
 * a connection that falls {@code backlog} lines behind, or whose writes stop progressing for the
 * stall timeout (a peer that vanished without a FIN), is closed and frees its slot.
 */
final class StreamingConnection implements ClientTransport {

    private static final Logger LOG = Logger.getLogger(StreamingConnection.class);

    private final HttpServerRequest request;
    private final String client;
    private final ClientOutbox outbox;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong progressNanos = new AtomicLong(System.nanoTime());
    private final AtomicBoolean left = new AtomicBoolean();
    /** The request's event loop (made there): closes run there, never under a caller's lock. */
    private final Context context = Vertx.currentContext();
    private volatile boolean closed;

    StreamingConnection(HttpServerRequest request, String client, int backlog) {
        this.request = request;
        this.client = client;
        this.outbox = new ClientOutbox(this, backlog, 64, new ClientOutbox.Listener() {
            @Override
            public void conflated() {
                // lossless only: nothing is ever conflated here
            }

            @Override
            public void tooSlow(ClientOutbox ignored) {
                abort("more than " + backlog + " lines behind");
            }
        });
    }

    /** Queues a line (or several) for this connection; never blocks. */
    void offer(Frame lines) {
        outbox.offerLossless(lines);
    }

    /** Closes the connection if writes are outstanding and none completed for {@code stallNanos}. */
    void closeIfStalled(long stallNanos) {
        if (inFlight.get() > 0 && System.nanoTime() - progressNanos.get() > stallNanos) {
            abort("no write progress for " + stallNanos / 1_000_000_000 + " s");
        }
    }

    String client() {
        return client;
    }

    /** True the first time only: the close of the connection and of the response both report the end. */
    boolean leave() {
        return left.compareAndSet(false, true);
    }

    @Override
    public void send(Frame frame, Sent done) {
        if (inFlight.getAndIncrement() == 0) {
            progressNanos.set(System.nanoTime()); // the stall clock runs only while something is outstanding
        }
        request.response().write(frame.json(), written -> {
            inFlight.decrementAndGet();
            progressNanos.set(System.nanoTime());
            done.sent(written.cause());
        });
    }

    /** Shutdown: ends the response, then the connection (TradingView reconnects at once, to another pod). */
    @Override
    public void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        LOG.infof("closing a /tv/streaming connection of %s: %s", client, reason);
        if (!request.response().ended()) {
            request.response().end().onComplete(done -> request.connection().close());
        }
    }

    /** A reader that cannot keep up or has vanished: the connection goes at once (its writes would never drain). */
    void abort(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        LOG.warnf("dropping a /tv/streaming connection of %s: %s", client, reason);
        if (context == null) {
            request.connection().close();
        } else {
            context.runOnContext(v -> request.connection().close()); // its close handler takes the feeds' lock
        }
    }

    @Override
    public String protocol() {
        return "tradingview-streaming";
    }
}

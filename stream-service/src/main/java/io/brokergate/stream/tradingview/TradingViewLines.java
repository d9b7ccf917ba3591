package io.brokergate.stream.tradingview;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import io.brokergate.stream.fanout.ClientTransport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of one TradingView browser stream: compact JSON messages, one per line, and the ping
 * {@code {"s":"ok"}} when nothing was written for the ping interval. Writes are the connection's
 * own non-blocking writes; the hub's outbox bounds how many are outstanding.
 */
final class TradingViewLines {

    private final HttpServerRequest request;
    private final Context eventLoop = Vertx.currentContext();
    private final AtomicLong lastWriteNanos = new AtomicLong(System.nanoTime());

    TradingViewLines(HttpServerRequest request) {
        this.request = request;
    }

    /** The request's event loop (made there), where the hub hands this stream market data. */
    Context eventLoop() {
        return eventLoop;
    }

    /** {@code lines}: compact JSON values, each followed by {@code \n}. */
    void write(String lines, ClientTransport.Sent done) {
        lastWriteNanos.set(System.nanoTime());
        request.response().write(lines, written -> done.sent(written.cause()));
    }

    /** Writes the ping if nothing was written for {@code intervalNanos}. */
    void pingIfSilent(long intervalNanos) {
        if (System.nanoTime() - lastWriteNanos.get() >= intervalNanos && !request.response().ended()) {
            write(TradingViewEnvelope.PING, failure -> { });
        }
    }

    /** Pings after silence until the client goes; then {@code closed} runs (the hub session ends, releasing its subscriptions). */
    void pingWhileOpen(RoutingContext ctx, Vertx vertx, Duration pingInterval, Runnable closed) {
        long intervalNanos = pingInterval.toNanos();
        long tick = Math.max(50, pingInterval.toMillis() / 5);
        long timer = vertx.setPeriodic(tick, id -> pingIfSilent(intervalNanos));
        Runnable end = () -> {
            vertx.cancelTimer(timer);
            closed.run();
        };
        ctx.request().connection().closeHandler(v -> end.run());
        ctx.response().closeHandler(v -> end.run());
        ctx.response().endHandler(v -> vertx.cancelTimer(timer));
    }

    /** Shutdown only: the server never ends a TradingView stream otherwise. */
    void end() {
        if (!request.response().ended()) {
            request.response().end().onComplete(done -> request.connection().close());
        }
    }
}

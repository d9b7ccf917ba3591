package io.brokergate.stream.tradingview;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of one TradingView browser stream: compact JSON messages, one per line, and the ping
 * {@code {"s":"ok"}} when nothing was written for the ping interval. Writes are the connection's
 * own non-blocking writes; the hub's outbox bounds how many are outstanding.
 */
final class TradingViewLines {

    private final HttpServerRequest request;
    private final AtomicLong lastWriteNanos = new AtomicLong(System.nanoTime());

    TradingViewLines(HttpServerRequest request) {
        this.request = request;
    }

    /** {@code line} must be one compact JSON value followed by {@code \n}. */
    CompletionStage<Void> write(String line) {
        lastWriteNanos.set(System.nanoTime());
        return request.response().write(line).toCompletionStage();
    }

    /** Writes the ping if nothing was written for {@code intervalNanos}. */
    void pingIfSilent(long intervalNanos) {
        if (System.nanoTime() - lastWriteNanos.get() >= intervalNanos && !request.response().ended()) {
            write(TradingViewEnvelope.PING);
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

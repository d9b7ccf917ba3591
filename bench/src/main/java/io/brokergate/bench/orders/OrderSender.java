package io.brokergate.bench.orders;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@code POST /v1/accounts/{id}/orders} over keep-alive HTTP/1.1 connections from one Vert.x
 * event loop (the client must stay cheap next to the gateway on the same cores), either on a fixed
 * schedule (open loop) or as N clients that each send the next order when the last is answered
 * (closed loop).
 */
final class OrderSender implements AutoCloseable {

    private static final byte[] ORDER_ID = "\"order_id\":\"".getBytes();

    /** Connections at most; an open-loop order finding none free waits, and the wait counts in its latency. */
    private static final int MAX_CONNECTIONS = 256;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;
    private final Context context;
    private final String path;
    private volatile String authorization;

    OrderSender(int port, String accountId) {
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true)
                .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
        context = vertx.getOrCreateContext();
        path = "/v1/accounts/" + accountId + "/orders";
    }

    void token(String accessToken) {
        authorization = "Bearer " + accessToken;
    }

    /**
     * Sends {@code rate} orders per second for {@code seconds}, each at its slot of the schedule
     * whatever happened to the ones before. Latency is measured from the slot, so a stall of the
     * gateway (or of this client) shows in every order it delays. Returns when all are answered.
     */
    void openLoop(Placements run, OrderFlow flow, int rate, double seconds) throws InterruptedException {
        int n = Math.min(run.capacity(), (int) (rate * seconds));
        long interval = 1_000_000_000L / rate;
        CountDownLatch answered = new CountDownLatch(n);
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            String body = flow.body(run.clientOrderId(i), i);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int seq = i;
            context.runOnContext(v -> send(run, seq, body, due, answered::countDown));
        }
        if (!answered.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(answered.getCount() + " orders unanswered after 120 s");
        }
    }

    /**
     * {@code clients} clients, each sending its next order as soon as the last one is answered,
     * for {@code seconds}; latency is from send to answer. Returns the orders answered.
     */
    int closedLoop(Placements run, OrderFlow flow, int clients, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            context.runOnContext(v -> sendNext(run, flow, next, deadline, finished));
        }
        if (!finished.await((long) seconds + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("closed-loop clients still waiting 120 s after the end");
        }
        return next.get();
    }

    private void sendNext(Placements run, OrderFlow flow, AtomicInteger next, long deadline, CountDownLatch finished) {
        int seq = next.get();
        if (System.nanoTime() >= deadline || seq >= run.capacity()) {
            finished.countDown();
            return;
        }
        next.incrementAndGet();
        send(run, seq, flow.body(run.clientOrderId(seq), seq), System.nanoTime(),
                () -> sendNext(run, flow, next, deadline, finished));
    }

    /** On the event loop. */
    private void send(Placements run, int seq, String body, long intended, Runnable after) {
        long sentAt = System.nanoTime();
        run.sent();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .putHeader("Authorization", authorization).putHeader("Content-Type", "application/json");
        http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)))
                .recover(failure -> Future.succeededFuture(new Answer(0, Buffer.buffer(String.valueOf(failure)))))
                .onSuccess(a -> {
                    long now = System.nanoTime();
                    run.answered(seq, a.status(), a.status() == 201 || a.status() == 200 ? orderId(a.body()) : null,
                            a.status() == 201 ? null : a.body().toString(), body, now - intended, now - sentAt);
                    after.run();
                });
    }

    private record Answer(int status, Buffer body) {
    }

    /** The {@code order_id} of an order view, read without building a JSON tree. */
    static String orderId(Buffer body) {
        return orderId(body.getBytes());
    }

    static String orderId(byte[] bytes) {
        outer:
        for (int i = 0; i + ORDER_ID.length < bytes.length; i++) {
            for (int j = 0; j < ORDER_ID.length; j++) {
                if (bytes[i + j] != ORDER_ID[j]) {
                    continue outer;
                }
            }
            int from = i + ORDER_ID.length;
            int to = from;
            while (to < bytes.length && bytes[to] != '"') {
                to++;
            }
            return new String(bytes, from, to - from);
        }
        return null;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}

package io.brokergate.bench.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** {@code n} WebSocket clients on {@code /v1/stream}, each subscribed to the bench symbol's quotes. */
final class WebSocketClients implements AutoCloseable {

    private final WebSocketClient client;
    private final List<WebSocket> sockets = new ArrayList<>();

    WebSocketClients(Vertx vertx) {
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                .setConnectTimeout(30_000));
    }

    /** Connects and subscribes {@code n} clients, at most 50 handshakes at a time; returns when all are subscribed. */
    void open(int n, int port, String token, String account, Deliveries deliveries) throws InterruptedException {
        Semaphore inFlight = new Semaphore(50);
        List<Future<WebSocket>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            Promise<WebSocket> subscribed = Promise.promise();
            all.add(subscribed.future());
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/v1/stream")
                    .addHeader("Authorization", "Bearer " + token);
            client.connect(o).onComplete(ar -> {
                if (ar.failed()) {
                    inFlight.release();
                    subscribed.tryFail(ar.cause());
                    return;
                }
                WebSocket ws = ar.result();
                ws.frameHandler(frame -> {
                    var data = frame.binaryData();
                    if (!subscribed.future().isComplete() && Deliveries.indexOf(data, 0, data.length(), "\"subscribed\"".getBytes()) >= 0) {
                        inFlight.release();
                        subscribed.tryComplete(ws);
                    }
                    deliveries.message(data, 0, data.length(), System.nanoTime());
                });
                ws.writeTextMessage("{\"op\":\"subscribe\",\"stream\":\"quotes\",\"account\":\"" + account + "\",\"symbols\":[\""
                        + TickSource.SYMBOL.symbol() + "\"]}");
            });
        }
        Future.all(all).toCompletionStage().toCompletableFuture().orTimeout(120, TimeUnit.SECONDS).join();
        all.forEach(f -> sockets.add(f.result()));
    }

    int size() {
        return sockets.size();
    }

    @Override
    public void close() {
        sockets.forEach(WebSocket::close);
        client.close();
    }
}

package io.brokergate.bench.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket client on a pod's {@code /v1/stream}: subscribes and hands every {@code event}
 * message to a listener with the moment it was read. Few messages per second here, so it parses JSON.
 */
final class PodClient implements AutoCloseable {

    /** Receives an event: its account, stream and payload, and when it was read ({@link System#nanoTime()}). */
    interface Listener {
        void event(String account, String stream, JsonObject payload, long receivedNanos);
    }

    private static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final WebSocketClient client;
    private final WebSocket socket;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    PodClient(Vertx vertx, int port, String token, Listener listener) {
        // an orders snapshot (the account's orders of the day) is one message, megabytes on a busy account
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES));
        socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/v1/stream")
                        .addHeader("Authorization", "Bearer " + token))
                .toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        socket.exceptionHandler(e -> failAll("connection failed: " + e));
        socket.closeHandler(v -> failAll("connection closed: " + socket.closeStatusCode() + " " + socket.closeReason()));
        // a whole message: a long one (an orders snapshot) arrives in several frames
        socket.textMessageHandler(message -> {
            long now = System.nanoTime();
            JsonObject m = new JsonObject(message);
            switch (m.getString("type", "")) {
                case "event" -> listener.event(m.getString("account"), m.getString("stream"), m.getJsonObject("payload"), now);
                case "subscribed" -> complete(m.getString("ref"), null);
                case "error" -> complete(m.getString("ref"), m.encode());
                default -> { }
            }
        });
    }

    /** Subscribes to quotes of {@code symbol} through {@code account}; returns once the server confirmed. */
    void subscribeQuotes(String account, String symbol) {
        subscribe(new JsonObject().put("stream", "quotes").put("account", account).put("symbols", new JsonArray().add(symbol)));
    }

    /** Subscribes to {@code account}'s order events; returns once the server confirmed. */
    void subscribeOrders(String account) {
        subscribe(new JsonObject().put("stream", "orders").put("account", account));
    }

    private void subscribe(JsonObject request) {
        String id = Integer.toString(pending.size() + 1) + "-" + request.getString("account") + "-" + request.getString("stream");
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.put(id, done);
        socket.writeTextMessage(request.put("op", "subscribe").put("id", id).encode());
        done.orTimeout(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private void failAll(String why) {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
    }

    private void complete(String ref, String error) {
        CompletableFuture<Void> f = ref == null ? null : pending.get(ref);
        if (f != null) {
            if (error == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(new IllegalStateException("subscription refused: " + error));
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}

package io.brokergate.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A bot watching one account's orders over {@code /v1/stream}, as a real client would: subscribes
 * once, and when its pod goes away (killed, or told {@code closing}) connects to another pod and
 * resumes from the last (epoch, sequence) it saw. It records every order event and every resume so
 * the test can check that nothing was lost or seen twice.
 */
final class OrderStreamClient implements WebSocket.Listener {

    /** One order change as the client saw it. */
    record OrderChange(long epoch, long sequence, String orderId, String status, String filled) {
    }

    private final String name;
    private final String apiKey;
    private final String account;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<OrderChange> changes = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, OrderChange> latest = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile String pod;
    private volatile long lastEpoch = -1;
    private volatile long lastSequence = -1;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean closedByServer;
    private int resumes;

    OrderStreamClient(String name, String apiKey, String account) {
        this.name = name;
        this.apiKey = apiKey;
        this.account = account;
    }

    /** Connects to a pod: subscribes the first time, resumes after that. Returns once the pod answered. */
    synchronized void connect(ServicePod streamPod) {
        pod = streamPod.name();
        closedByServer = false;
        ready = new CompletableFuture<>();
        socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + apiKey).connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + streamPod.port() + "/v1/stream"), this).join();
        if (lastEpoch < 0) {
            send(Map.of("op", "subscribe", "id", "sub", "stream", "orders", "account", account));
        } else {
            resumes++;
            send(Map.of("op", "resume", "id", "resume-" + resumes, "account", account, "epoch", lastEpoch,
                    "from_sequence", lastSequence + 1, "streams", List.of("orders")));
        }
        try {
            ready.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " got no answer from " + pod + ": " + log, e);
        }
    }

    /** Whether the pod went away (closed, killed or told us to reconnect). */
    boolean disconnected() {
        return closedByServer;
    }

    String pod() {
        return pod;
    }

    List<OrderChange> changes() {
        return List.copyOf(changes);
    }

    Map<String, OrderChange> latest() {
        return Map.copyOf(latest);
    }

    List<String> log() {
        return List.copyOf(log);
    }

    void close() {
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
    }

    private void send(Map<String, ?> message) {
        socket.sendText(Json.write(message), true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            handle(Json.read(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode message) {
        String type = message.path("type").asText();
        switch (type) {
            case "subscribed" -> {
                message.path("snapshot").forEach(order -> latest.put(field(order, "order_id", "orderId"), change(message, order)));
                lastEpoch = message.path("epoch").asLong(-1);
                lastSequence = message.path("sequence").asLong(-1);
                log.add(pod + " subscribed at " + lastEpoch + "/" + lastSequence);
                ready.complete(null);
            }
            case "resumed" -> {
                log.add(pod + " " + message);
                ready.complete(null);
            }
            case "resync" -> {
                log.add(pod + " RESYNC " + message);
                ready.complete(null);
            }
            case "event", "status" -> accept(message);
            case "closing" -> {
                log.add(pod + " closing");
                closedByServer = true;
            }
            case "error" -> {
                log.add(pod + " ERROR " + message);
                ready.completeExceptionally(new IllegalStateException(message.toString()));
            }
            default -> {
            }
        }
    }

    private void accept(JsonNode message) {
        long epoch = message.path("epoch").asLong();
        long sequence = message.path("sequence").asLong();
        if (epoch == lastEpoch && sequence <= lastSequence || epoch < lastEpoch) {
            log.add(pod + " OLD " + epoch + "/" + sequence + " after " + lastEpoch + "/" + lastSequence);
        }
        lastEpoch = epoch;
        lastSequence = sequence;
        if ("event".equals(message.path("type").asText()) && "orders".equals(message.path("stream").asText())) {
            OrderChange c = change(message, message.path("payload"));
            changes.add(c);
            latest.put(c.orderId(), c);
        }
    }

    private static OrderChange change(JsonNode message, JsonNode order) {
        return new OrderChange(message.path("epoch").asLong(), message.path("sequence").asLong(), field(order, "order_id", "orderId"),
                order.path("status").asText(), field(order, "filled_quantity", "filledQuantity"));
    }

    private static String field(JsonNode node, String snake, String camel) {
        return node.has(snake) ? node.path(snake).asText() : node.path(camel).asText();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        log.add(pod + " closed " + statusCode + " " + reason);
        closedByServer = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        log.add(pod + " failed " + error);
        closedByServer = true;
    }

    @Override
    public String toString() {
        return name + "@" + pod + " " + changes.size() + " change(s), last " + lastEpoch + "/" + lastSequence;
    }

    static List<OrderChange> repeated(List<OrderChange> changes) {
        List<OrderChange> seen = new ArrayList<>();
        List<OrderChange> repeats = new ArrayList<>();
        for (OrderChange c : changes) {
            boolean again = seen.stream().anyMatch(s -> s.orderId().equals(c.orderId()) && s.status().equals(c.status())
                    && s.filled().equals(c.filled()));
            if (again) {
                repeats.add(c);
            }
            seen.add(c);
        }
        return repeats;
    }
}

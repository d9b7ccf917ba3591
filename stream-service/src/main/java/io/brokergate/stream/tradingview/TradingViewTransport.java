package io.brokergate.stream.tradingview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.order.Order;
import io.brokergate.stream.fanout.ClientTransport;
import io.brokergate.stream.fanout.Frame;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A TradingView HTTP stream as a hub client: the hub's {@code subscribed} snapshot becomes the
 * first line (a JSON array, or the AccountState object for {@code state}), each {@code event} a
 * line with the complete changed entity. Hub heartbeats and protocol messages are not forwarded;
 * the route sends TradingView's own ping.
 */
final class TradingViewTransport implements ClientTransport {

    private static final Logger LOG = Logger.getLogger(TradingViewTransport.class);
    static final String PING = "{\"s\":\"ok\"}\n";

    private final HttpServerRequest request;
    private final TradingViewStream stream;
    private final ObjectMapper json;
    private final AtomicLong lastWriteNanos = new AtomicLong(System.nanoTime());

    TradingViewTransport(HttpServerRequest request, TradingViewStream stream, ObjectMapper json) {
        this.request = request;
        this.stream = stream;
        this.json = json;
    }

    @Override
    public CompletionStage<Void> send(Frame frame) {
        String line;
        try {
            line = line(frame);
        } catch (Exception e) {
            LOG.warnf(e, "TradingView %s stream: frame %s not mapped", stream.path, frame.type());
            line = null;
        }
        if (line == null) {
            return CompletableFuture.completedFuture(null);
        }
        return write(line);
    }

    /** Writes the ping if nothing was written for {@code intervalNanos}. */
    void pingIfSilent(long intervalNanos) {
        if (System.nanoTime() - lastWriteNanos.get() >= intervalNanos && !request.response().ended()) {
            write(PING);
        }
    }

    private CompletionStage<Void> write(String line) {
        lastWriteNanos.set(System.nanoTime());
        return request.response().write(line).toCompletionStage();
    }

    /** The TradingView line for a hub frame, ending in a newline, or null if the frame is not forwarded. */
    String line(Frame frame) throws Exception {
        String type = frame.type();
        if (!type.equals("subscribed") && !type.equals("event")) {
            return null; // heartbeat, status, closing, …: TradingView has no message for them
        }
        JsonNode message = json.readTree(frame.json());
        JsonNode body = type.equals("subscribed") ? message.get("snapshot") : message.get("payload");
        if (body == null || body.isNull()) {
            return null;
        }
        Object out = switch (stream) {
            case ORDERS -> {
                List<Object> list = new ArrayList<>();
                for (JsonNode n : body.isArray() ? body : List.of(body)) {
                    list.add(TradingViewEntities.order(json.treeToValue(n, Order.class)));
                }
                yield list;
            }
            case POSITIONS -> {
                List<Object> list = new ArrayList<>();
                for (JsonNode n : body.isArray() ? body : List.of(body)) {
                    list.add(TradingViewEntities.position(json.treeToValue(n, Position.class)));
                }
                yield list;
            }
            case STATE -> {
                JsonNode balances = body.get("balances");
                if (balances == null || balances.isNull()) {
                    yield type.equals("subscribed") ? TradingViewEntities.state(List.of()) : null;
                }
                List<Balance> list = new ArrayList<>();
                for (JsonNode n : balances) {
                    list.add(json.treeToValue(n, Balance.class));
                }
                yield TradingViewEntities.state(list);
            }
        };
        if (out == null) {
            return null;
        }
        // compact JSON escapes control characters, so the only newline is the terminator
        return json.writeValueAsString(out) + "\n";
    }

    /** Shutdown only: the server never ends a TradingView stream otherwise. */
    @Override
    public void close(String reason) {
        if (!request.response().ended()) {
            request.response().end().onComplete(done -> request.connection().close());
        }
    }

    @Override
    public String protocol() {
        return "tradingview";
    }

    static String error(ObjectMapper json, String message) {
        try {
            return json.writeValueAsString(Map.of("s", "error", "errmsg", message == null ? "error" : message));
        } catch (Exception e) {
            return "{\"s\":\"error\",\"errmsg\":\"error\"}";
        }
    }
}

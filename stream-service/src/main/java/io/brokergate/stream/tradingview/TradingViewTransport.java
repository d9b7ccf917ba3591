package io.brokergate.stream.tradingview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.tradingview.TradingViewEntities;
import io.brokergate.core.account.Balance;
import io.brokergate.core.order.Order;
import io.brokergate.stream.fanout.ClientTransport;
import io.vertx.core.Context;
import io.brokergate.stream.fanout.Frame;
import io.brokergate.stream.fanout.ServerMessages.AccountState;
import io.brokergate.stream.fanout.ServerMessages.Event;
import io.brokergate.stream.fanout.ServerMessages.Subscribed;
import io.brokergate.stream.fanout.TrackedPosition;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A TradingView account stream as a hub client. It reads the typed message of each frame (never
 * the hub's JSON): the {@code subscribed} snapshot becomes the first line (a JSON array, or the
 * AccountState object for {@code state}), each {@code event} a line with the complete changed
 * entity. Hub heartbeats and protocol messages are not forwarded; the route sends TradingView's
 * own ping.
 */
final class TradingViewTransport implements ClientTransport {

    private final TradingViewLines lines;
    private final TradingViewStream stream;
    private final ObjectMapper json;

    TradingViewTransport(TradingViewLines lines, TradingViewStream stream, ObjectMapper json) {
        this.lines = lines;
        this.stream = stream;
        this.json = json;
    }

    @Override
    public void send(Frame frame, Sent done) {
        String line = line(frame);
        if (line == null) {
            done.sent(null);
        } else {
            lines.write(line, done);
        }
    }

    /** The TradingView line for a hub frame, ending in a newline, or null if the frame is not forwarded. */
    String line(Frame frame) {
        Object message = frame.message();
        Object body;
        if (message instanceof Subscribed s) {
            body = s.snapshot();
        } else if (message instanceof Event e) {
            body = e.payload();
        } else {
            return null; // heartbeat, status, closing, …: TradingView has no message for them
        }
        Object out = body == null ? null : switch (stream) {
            case ORDERS -> entities(body, Order.class, TradingViewEntities::order);
            case POSITIONS -> entities(body, TrackedPosition.class, t -> TradingViewEntities.position(t.position()));
            case NET_POSITIONS -> entities(body, TrackedPosition.class, t -> TradingViewEntities.netPosition(t.position()));
            case INDIVIDUAL_POSITIONS -> entities(body, TrackedPosition.class,
                    t -> TradingViewEntities.individualPosition(t.position(), t.openedAt()));
            case STATE -> state(body, message instanceof Subscribed);
        };
        if (out == null) {
            return null;
        }
        try {
            // compact JSON escapes control characters, so the only newline is the terminator
            return json.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A snapshot (a collection) or one changed entity, as a JSON array of TradingView entities. */
    private static <T> List<Object> entities(Object body, Class<T> type, Function<T, Object> map) {
        Collection<?> items = body instanceof Collection<?> c ? c : List.of(body);
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(map.apply(type.cast(item)));
        }
        return out;
    }

    /** The whole AccountState on every balances change; a connection-state change has none and is skipped. */
    private static Map<String, Object> state(Object body, boolean snapshot) {
        if (!(body instanceof AccountState s) || (s.balances() == null && !snapshot)) {
            return null;
        }
        List<Balance> balances = new ArrayList<>();
        if (s.balances() instanceof Collection<?> c) {
            c.forEach(b -> balances.add((Balance) b));
        }
        return TradingViewEntities.state(balances);
    }

    @Override
    public void close(String reason) {
        lines.end();
    }

    @Override
    public String protocol() {
        return "tradingview";
    }

    @Override
    public Context eventLoop() {
        return lines.eventLoop();
    }
}

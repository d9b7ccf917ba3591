package io.brokergate.stream.fanout;

import java.util.Objects;
import java.util.function.Function;

/**
 * One server message, shared by every client that receives it. It keeps the typed message (one
 * of {@link ServerMessages}' records, whose payloads are the core records themselves) and
 * serializes it at most once, on first demand: JSON clients share that string, while typed
 * clients (the TradingView streams) read {@link #message()} and never pay for JSON they would
 * have to parse again.
 */
public final class Frame {

    private final String type;
    private final String id;
    private final Object message;
    private final Function<Object, String> serializer;
    private volatile String json;
    /** One rendering for a transport, shared by its clients (see {@link #rendered}); written before its key. */
    private volatile Object rendering;
    private volatile Object renderingKey;

    Frame(String type, String id, Object message, Function<Object, String> serializer) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = id;
        this.message = message;
        this.serializer = serializer;
    }

    /** A frame whose text is already known (a transport's own protocol line); {@link #message()} is that text. */
    public static Frame text(String type, String id, String text) {
        Frame f = new Frame(type, id, text, null);
        f.json = text;
        return f;
    }

    /** Message type ({@code event}, {@code status}, {@code heartbeat}, …): the SSE event name. */
    public String type() {
        return type;
    }

    /** SSE {@code id:} ({@code <epoch>-<sequence>} of an account event), or null. */
    public String id() {
        return id;
    }

    /** The typed message: a {@link ServerMessages} record, or the text of a {@link #text} frame. */
    public Object message() {
        return message;
    }

    /**
     * The message as JSON: the WebSocket text frame and the SSE {@code data:} line. Serialized on
     * first call; concurrent first calls may both serialize, which is harmless (same result).
     */
    public String json() {
        String j = json;
        if (j == null) {
            j = serializer.apply(message);
            json = j;
        }
        return j;
    }

    /**
     * This frame as a transport puts it on the wire (an SSE event's bytes, say), rendered once and
     * shared by every client of that transport. One transport's rendering is kept; a second
     * transport asking for another is served uncached.
     *
     * @param key identifies the rendering (a constant of the transport)
     */
    @SuppressWarnings("unchecked")
    public <T> T rendered(Object key, Function<Frame, T> render) {
        if (renderingKey == key) {
            return (T) rendering;
        }
        T value = render.apply(this);
        if (renderingKey == null) {
            rendering = value; // concurrent first renderings store equal values; the key is written last
            renderingKey = key;
        }
        return value;
    }

    @Override
    public String toString() {
        return "Frame[" + type + (id == null ? "" : ", " + id) + "]";
    }
}

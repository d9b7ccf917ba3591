package io.brokergate.stream.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.stream.fanout.ServerMessages.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;

/** Makes shareable frames of server messages, serialized once with the application's ObjectMapper (ISO dates). */
@ApplicationScoped
public class FrameWriter {

    private final ObjectMapper json;
    private final Function<Object, String> serializer = this::write;

    public FrameWriter(ObjectMapper json) {
        this.json = json;
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A frame of a typed message; its JSON is written on first use (see {@link Frame#json()}). */
    public Frame frame(String type, String id, Object message) {
        return new Frame(type, id, message, serializer);
    }

    public Frame error(String code, String message, String ref) {
        return frame("error", null, new ServerMessages.Error("error", code, message, ref));
    }

    public Frame closing(String reason) {
        return frame("closing", null, new Notice("closing", null, reason, null, null, null, Boolean.TRUE));
    }

    public Frame heartbeat() {
        return frame("heartbeat", null, new Notice("heartbeat", null, null, null, null, Instant.now().toString(), null));
    }

    public Frame authenticated(String subject, String tenant) {
        return frame("authenticated", null, new Notice("authenticated", null, null, subject, tenant, null, null));
    }

    public Frame pong(String ref) {
        return frame("pong", null, new Notice("pong", ref, null, null, null, null, null));
    }
}

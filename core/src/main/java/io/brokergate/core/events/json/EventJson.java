package io.brokergate.core.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.core.events.WireEvent;
import java.io.IOException;

/**
 * The wire format of the events between processes (Kafka in cluster mode): JSON of the payload
 * record's components ({@link RecordJson}), with its own mapper so that no application setting
 * (naming strategy, date format) changes it. Instants and dates are ISO-8601 strings, prices and quantities JSON numbers
 * read back into {@code BigDecimal} exactly (scale included), instruments their canonical symbol,
 * absent values omitted.
 *
 * <p>Versioning: every payload carries {@code version}. Additive changes keep it (readers ignore
 * fields they do not know); an incompatible change raises it, and a reader refuses versions newer
 * than it knows ({@link MalformedEventException}) instead of misreading them.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = RecordJson.mapperBuilder().build();

    private EventJson() {
    }

    public static byte[] write(WireEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads one event of the given type; throws {@link MalformedEventException} for anything else. */
    public static WireEvent read(EventType type, byte[] json) {
        WireEvent event;
        try {
            event = MAPPER.readValue(json, type.payload());
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a readable " + type.wireName() + ": " + firstLine(e), e);
        }
        if (event == null) {
            throw new MalformedEventException("a " + type.wireName() + " cannot be null");
        }
        int version = event.version();
        if (version < 1 || version > type.version()) {
            throw new MalformedEventException(type.wireName() + " version " + version + " is not supported (this code reads 1 to "
                    + type.version() + ")");
        }
        return event;
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e.getCause() instanceof MalformedEventException || e.getCause() instanceof IllegalArgumentException
                ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

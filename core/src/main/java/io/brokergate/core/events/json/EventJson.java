package io.brokergate.core.events.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.brokergate.core.events.WireEvent;
import java.io.IOException;

/**
 * The wire format of the events between processes (Kafka in cluster mode): JSON of the payload
 * record's components, with its own mapper so that no application setting (naming strategy, date
 * format) changes it. Instants and dates are ISO-8601 strings, prices and quantities JSON numbers
 * read back into {@code BigDecimal} exactly (scale included), instruments their canonical symbol,
 * absent values omitted.
 *
 * <p>Versioning: every payload carries {@code version}. Additive changes keep it (readers ignore
 * fields they do not know); an incompatible change raises it, and a reader refuses versions newer
 * than it knows ({@link MalformedEventException}) instead of misreading them.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(InstrumentIdJson.module())
            // The record components and nothing else: derived accessors (Order.remainingQuantity, ...) stay off the wire.
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

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

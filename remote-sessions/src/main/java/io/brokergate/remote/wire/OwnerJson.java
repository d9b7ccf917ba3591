package io.brokergate.remote.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.core.events.json.RecordJson;
import java.io.IOException;
import java.util.List;

/**
 * The JSON of the owners' internal API: core's {@link RecordJson}, the format the events use too
 * (record components only, ISO instants, exact decimals, instruments as symbols, nulls omitted).
 * Readers ignore members they do not know, so either side can add one before the other knows it.
 */
public final class OwnerJson {

    private static final ObjectMapper MAPPER = RecordJson.mapperBuilder().build();

    private OwnerJson() {
    }

    public static JavaType type(Class<?> type) {
        return MAPPER.constructType(type);
    }

    public static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a value; a JSON {@code null} reads as null. Throws {@link IOException} or a record's own validation error. */
    public static <T> T read(byte[] json, JavaType type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}

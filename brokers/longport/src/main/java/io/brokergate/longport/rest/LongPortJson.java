package io.brokergate.longport.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one ObjectMapper for LongPort JSON. Shapes (snake_case keys, nulls, key order) are fixed
 * by annotations on the DTOs, so another mapper (e.g. Quarkus REST's) writes the same bytes;
 * this one adds client leniency: unknown keys are ignored and {@code ""} reads as 0 for int
 * fields, because the real server may differ from what the SDK demands.
 */
public final class LongPortJson {

    private static final ObjectMapper MAPPER = newMapper();

    private LongPortJson() {
    }

    /** A fresh mapper with the LongPort settings, for callers that want to customise further. */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
        return mapper;
    }

    /** The shared instance. Do not reconfigure it: it is used concurrently. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("invalid " + type.getSimpleName() + " JSON", e);
        }
    }

    /** {@code LongPortEnvelope<dataType>}; Jackson's TypeFactory caches it. */
    public static JavaType envelopeType(Class<?> dataType) {
        return MAPPER.getTypeFactory().constructParametricType(LongPortEnvelope.class, dataType);
    }

    public static <T> LongPortEnvelope<T> readEnvelope(byte[] json, Class<T> dataType) {
        try {
            return MAPPER.readValue(json, envelopeType(dataType));
        } catch (IOException e) {
            throw new UncheckedIOException("invalid LongPort envelope", e);
        }
    }
}

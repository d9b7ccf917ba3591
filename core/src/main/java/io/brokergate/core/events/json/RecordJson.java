package io.brokergate.core.events.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of core's records between processes, shared by the events ({@link EventJson}) and the
 * socket owners' internal API ({@code remote-sessions}): the record components and nothing else
 * (derived accessors such as {@code Order.remainingQuantity} stay off the wire), instants and dates
 * as ISO-8601 strings, prices and quantities as JSON numbers read back into {@code BigDecimal}
 * exactly, instruments as their canonical symbol, absent values omitted, unknown members ignored,
 * a missing primitive refused. A mapper of its own, so no application setting changes the format.
 */
public final class RecordJson {

    private RecordJson() {
    }

    public static JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(InstrumentIdJson.module())
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}

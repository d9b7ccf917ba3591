package io.brokergate.core.events.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.brokergate.core.instrument.InstrumentId;
import java.io.IOException;

/**
 * {@link InstrumentId} on the wire is its canonical symbol ({@code "700.HK"}), as a value and as a
 * map key (subscription intents are maps keyed by instrument): explicit, so the format never
 * depends on how a record happens to be introspected.
 */
final class InstrumentIdJson {

    private InstrumentIdJson() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("brokergate-instrument-id");
        m.addSerializer(InstrumentId.class, new JsonSerializer<>() {
            @Override
            public void serialize(InstrumentId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.symbol());
            }
        });
        m.addKeySerializer(InstrumentId.class, new JsonSerializer<>() {
            @Override
            public void serialize(InstrumentId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeFieldName(value.symbol());
            }
        });
        m.addDeserializer(InstrumentId.class, new JsonDeserializer<>() {
            @Override
            public InstrumentId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return parse(p.getValueAsString());
            }
        });
        m.addKeyDeserializer(InstrumentId.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return parse(key);
            }
        });
        return m;
    }

    private static InstrumentId parse(String symbol) {
        try {
            return InstrumentId.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("bad instrument: " + e.getMessage(), e);
        }
    }
}

package io.brokergate.messaging.kafka.events;

import io.brokergate.core.events.WireEvent;
import io.brokergate.core.events.json.EventJson;
import io.brokergate.core.events.json.EventType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Value serializer of every event channel: core's JSON ({@link EventJson}), with the payload type in
 * the {@value #TYPE_HEADER} header so that one deserializer reads any topic.
 */
public class EventSerializer implements Serializer<WireEvent> {

    public static final String TYPE_HEADER = "brokergate-event-type";

    @Override
    public byte[] serialize(String topic, Headers headers, WireEvent event) {
        if (event == null) {
            return null;
        }
        headers.remove(TYPE_HEADER);
        headers.add(TYPE_HEADER, EventType.of(event).wireName().getBytes(StandardCharsets.US_ASCII));
        return EventJson.write(event);
    }

    @Override
    public byte[] serialize(String topic, WireEvent event) {
        throw new UnsupportedOperationException("events need headers: the producer always passes them");
    }
}

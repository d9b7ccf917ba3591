package io.brokergate.messaging.kafka.events;

import io.brokergate.core.events.WireEvent;
import io.brokergate.core.events.json.EventJson;
import io.brokergate.core.events.json.EventType;
import io.brokergate.core.events.json.MalformedEventException;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Value deserializer of every event channel: the type from the {@value EventSerializer#TYPE_HEADER}
 * header, the payload from core's JSON. A record it cannot read is counted ({@value #MALFORMED} by
 * topic), logged (at most once a second: the counter has them all) and refused with a
 * {@link SerializationException}. With {@code fail-on-deserialization-failure=false} the channel
 * then delivers it as a null payload, which the consumers skip: one bad record never stops a consumer.
 */
public class EventDeserializer implements Deserializer<WireEvent> {

    public static final String MALFORMED = "brokergate.messaging.malformed";
    private static final Logger LOG = Logger.getLogger(EventDeserializer.class);
    private static final long LOG_EVERY_NANOS = 1_000_000_000L;
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    @Override
    public WireEvent deserialize(String topic, Headers headers, byte[] data) {
        try {
            if (data == null) {
                throw new MalformedEventException("a record without a value is not an event");
            }
            return EventJson.read(EventType.named(type(headers)), data);
        } catch (MalformedEventException e) {
            Metrics.counter(MALFORMED, "topic", topic).increment();
            String message = "skipped a malformed record on " + topic + ": " + e.getMessage();
            long last = LAST_LOGGED.get();
            long now = System.nanoTime();
            if (now - last >= LOG_EVERY_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
                LOG.warn(message + " (counted in " + MALFORMED + ")");
            }
            throw new SerializationException(message);
        }
    }

    @Override
    public WireEvent deserialize(String topic, byte[] data) {
        throw new UnsupportedOperationException("events need headers: the consumer always passes them");
    }

    private static String type(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(EventSerializer.TYPE_HEADER);
        if (h == null || h.value() == null) {
            throw new MalformedEventException("no " + EventSerializer.TYPE_HEADER + " header");
        }
        return new String(h.value(), StandardCharsets.US_ASCII);
    }
}

package io.brokergate.messaging.kafka.events;

import io.brokergate.core.events.WireEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Gives every event record its key ({@link WireEvent#key()}: the account for order events, account +
 * pod for subscription intents, feed + instrument for market data) before it is partitioned, so producers stay
 * connector-agnostic: they send plain payloads and Kafka still keeps each key's events in order on
 * one partition and compacts {@code subscription-intents} per key. Every Kafka producer channel uses
 * it ({@code interceptor-bean=}{@value #NAME}, a connector default).
 */
@ApplicationScoped
@Identifier(EventKeys.NAME)
public class EventKeys implements ProducerInterceptor<Object, Object> {

    public static final String NAME = "brokergate-event-keys";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.key() != null || !(record.value() instanceof WireEvent event)) {
            return record;
        }
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), event.key(), record.value(),
                record.headers());
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // Delivery failures are the channel's to report.
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // No settings.
    }
}

package io.brokergate.core.events;

/**
 * An event that travels between processes (in-JVM topics or Kafka): a message key, so events with
 * the same key stay in order (one Kafka partition) and a compacted topic keeps the latest per key,
 * and the version of its payload format (see {@code json.EventJson}).
 */
public interface WireEvent {

    String key();

    int version();
}

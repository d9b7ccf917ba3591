package io.brokergate.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Topics inside one JVM: an outgoing channel configured with this connector and
 * {@code topic=X} feeds every incoming channel configured with the same topic. It stands in for
 * Kafka in all-in-one and tests, so switching to Kafka changes only the {@code connector} lines.
 * Hot: a consumer sees what is sent after it subscribed. Consumers get messages on a worker
 * thread, never on the producer's (the broker push thread), in send order, buffered without bound
 * (order events must not be lost; consumers are fast in-process dispatchers).
 */
@ApplicationScoped
@Connector(InJvmConnector.NAME)
public class InJvmConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "brokergate-in-jvm";

    private final Map<String, BroadcastProcessor<Message<?>>> topics = new ConcurrentHashMap<>();

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return Multi.createFrom().publisher(topic(config))
                .onOverflow().bufferUnconditionally()
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        BroadcastProcessor<Message<?>> topic = topic(config);
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                topic.onNext(message);
                message.ack();
            }

            @Override
            public void onError(Throwable failure) {
                // The producer side failed; consumers of other producers on the topic keep going.
            }

            @Override
            public void onComplete() {
                // Shutdown: the topic outlives a single producer.
            }
        };
    }

    private BroadcastProcessor<Message<?>> topic(Config config) {
        String name = config.getOptionalValue("topic", String.class)
                .orElseGet(() -> config.getValue("channel-name", String.class));
        return topics.computeIfAbsent(name, n -> BroadcastProcessor.create());
    }
}

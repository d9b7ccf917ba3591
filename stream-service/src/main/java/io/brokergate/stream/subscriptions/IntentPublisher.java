package io.brokergate.stream.subscriptions;

import io.brokergate.core.events.SubscriptionIntent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends this pod's intents to the producer channel {@value #INTENTS_OUT} (topic
 * {@code subscription-intents}; compacted and keyed by {@link SubscriptionIntent#key()} on Kafka,
 * so the latest intent per account and pod is what a new owner reads).
 */
@ApplicationScoped
public class IntentPublisher {

    public static final String INTENTS_OUT = "subscription-intents-out";

    private final Emitter<SubscriptionIntent> intents;

    public IntentPublisher(@Channel(INTENTS_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<SubscriptionIntent> intents) {
        this.intents = intents;
    }

    public void publish(SubscriptionIntent intent) {
        intents.send(Message.of(intent));
    }
}

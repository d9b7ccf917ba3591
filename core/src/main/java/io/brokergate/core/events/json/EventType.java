package io.brokergate.core.events.json;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.WireEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.SubscriptionIntent;

/**
 * The event payloads that travel between processes, by the name that travels with them (a Kafka
 * header), with the newest payload version this code understands.
 */
public enum EventType {

    ACCOUNT_EVENT("account-event", AccountEvent.class, AccountEvent.VERSION),
    MARKET_DATA("market-data", MarketDataEvent.class, MarketDataEvent.VERSION),
    SUBSCRIPTION_INTENT("subscription-intent", SubscriptionIntent.class, SubscriptionIntent.VERSION);

    private final String wireName;
    private final Class<? extends WireEvent> payload;
    private final int version;

    EventType(String wireName, Class<? extends WireEvent> payload, int version) {
        this.wireName = wireName;
        this.payload = payload;
        this.version = version;
    }

    public String wireName() {
        return wireName;
    }

    Class<? extends WireEvent> payload() {
        return payload;
    }

    /** The newest payload version this code reads; a newer one means an incompatible change. */
    public int version() {
        return version;
    }

    public static EventType of(WireEvent event) {
        for (EventType t : values()) {
            if (t.payload.isInstance(event)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a wire event: " + event.getClass().getName());
    }

    /** The type named {@code wireName}. */
    public static EventType named(String wireName) {
        for (EventType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new MalformedEventException("unknown event type '" + wireName + "'");
    }
}

package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * JSON carried in {@code Notification.data} on topic "private" (trade socket cmd 18):
 * {@code {"event":"order_changed_lb","data":{...}}}. The SDK parses it as JSON whatever the
 * notification's content_type says.
 */
@JsonPropertyOrder({"event", "data"})
public record TradePushJson(
        @JsonProperty("event") String event,
        @JsonProperty("data") OrderChangedJson data) {

    public static final String EVENT_ORDER_CHANGED = "order_changed_lb";

    public static TradePushJson orderChanged(OrderChangedJson data) {
        return new TradePushJson(EVENT_ORDER_CHANGED, data);
    }

    @JsonIgnore
    public boolean isOrderChanged() {
        return EVENT_ORDER_CHANGED.equals(event);
    }
}

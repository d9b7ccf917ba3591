package io.brokergate.stream.fanout;

import com.fasterxml.jackson.annotation.JsonValue;
import io.brokergate.core.account.Position;
import java.time.Instant;

/**
 * A position as the hub hands it to clients: the core position plus when this pod first saw it
 * open (the core model has no opening time; TradingView's individual positions need one).
 * Serialized as the position alone, so JSON clients see exactly the core record.
 *
 * @param openedAt publish time of the event that opened it, as seen by this pod; null when flat
 */
public record TrackedPosition(Position position, Instant openedAt) {

    @JsonValue
    @Override
    public Position position() {
        return position;
    }
}

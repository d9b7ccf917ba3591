package io.brokergate.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Carried by every event an account's socket owner publishes. {@code epoch} grows each time
 * ownership of the account moves (Kafka partition assignment in a cluster), so consumers drop
 * events of a stale owner; {@code sequence} is per account and per epoch, gap-free, so consumers
 * detect loss and duplicates.
 */
public record EventStamp(String tenantId, String accountId, long epoch, long sequence, Instant publishedAt) {

    public EventStamp {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (epoch < 0 || sequence < 0) {
            throw new IllegalArgumentException("epoch and sequence are never negative");
        }
    }

    /** True when this event comes after {@code other} from the same account's stream. */
    public boolean isAfter(EventStamp other) {
        return epoch > other.epoch || (epoch == other.epoch && sequence > other.sequence);
    }
}

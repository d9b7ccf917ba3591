package io.brokergate.core.order;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;

/** One fill of an order. {@code fee} is null when the broker reports fees separately. */
public record Execution(
        String executionId,
        String orderId,
        String accountId,
        InstrumentId instrument,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        Instant time) {
}

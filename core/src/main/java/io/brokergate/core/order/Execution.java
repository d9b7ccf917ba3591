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

    /** The same fill named by another account id. */
    public Execution withAccountId(String newAccountId) {
        return newAccountId.equals(accountId) ? this
                : new Execution(executionId, orderId, newAccountId, instrument, side, quantity, price, fee, time);
    }
}

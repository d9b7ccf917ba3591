package io.brokergate.trade.portfolio;

import io.brokergate.core.order.Execution;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** One fill on the native API. */
public record ExecutionView(String executionId, String orderId, String symbol, String side, BigDecimal quantity,
                            BigDecimal price, BigDecimal fee, Instant time) {

    static ExecutionView of(Execution e) {
        return new ExecutionView(e.executionId(), e.orderId(), e.instrument().symbol(),
                e.side().name().toLowerCase(Locale.ROOT), e.quantity(), e.price(), e.fee(), e.time());
    }
}

package io.brokergate.sim.engine;

import io.brokergate.core.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A full snapshot of an exchange order: the core {@link Order} plus what a broker protocol shows
 * besides (remark, trigger state, last fill, fees, status history).
 *
 * @param remark           the client's free text (defaults to its client order id)
 * @param currency         currency of prices and fees
 * @param lastFillQuantity quantity of the most recent fill, or null before the first
 * @param lastFillPrice    price of the most recent fill, or null before the first
 * @param fees             fees charged so far
 * @param history          every status change, fill, trigger and replace, oldest first
 */
public record OrderDetail(
        Order order,
        String remark,
        String currency,
        TriggerState trigger,
        Instant triggeredAt,
        BigDecimal lastFillQuantity,
        BigDecimal lastFillPrice,
        BigDecimal fees,
        List<OrderHistoryEntry> history) {

    public OrderDetail {
        history = List.copyOf(history);
    }

    public String orderId() {
        return order.orderId();
    }
}

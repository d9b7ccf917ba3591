package io.brokergate.trade.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TradingView's rule for {@code /orders}: an order in a final status stays listed until the
 * trading session ends, and at least a minute after its status changed.
 */
class FinalOrderRetentionTest {

    private static final Instant START_OF_DAY = Instant.parse("2026-11-20T16:00:00Z"); // 00:00 in Hong Kong

    @Test
    void finalOrdersStayForTheTradingDayAndAtLeastAMinute() {
        AccountBook book = new AccountBook(new Account("acc", "t", "c", BrokerId.PAPER, "PT1", "acc", "HKD", AccountKind.PAPER));
        book.apply(order("filled-this-morning", OrderStatus.FILLED, START_OF_DAY.plusSeconds(3 * 3600)));
        book.apply(order("cancelled-yesterday", OrderStatus.CANCELLED, START_OF_DAY.minusSeconds(3600)));
        book.apply(order("filled-just-before-midnight", OrderStatus.FILLED, START_OF_DAY.minusSeconds(20)));
        book.apply(order("working-since-yesterday", OrderStatus.WORKING, START_OF_DAY.minusSeconds(7200)));

        book.prune(START_OF_DAY.plusSeconds(10), START_OF_DAY);
        assertEquals(List.of("filled-this-morning", "filled-just-before-midnight", "working-since-yesterday"), ids(book));

        book.prune(START_OF_DAY.plusSeconds(60), START_OF_DAY);
        assertEquals(List.of("filled-this-morning", "working-since-yesterday"), ids(book));

        book.prune(START_OF_DAY.plusSeconds(23 * 3600), START_OF_DAY);
        assertEquals(List.of("filled-this-morning", "working-since-yesterday"), ids(book));
    }

    private static List<String> ids(AccountBook book) {
        return book.orders().stream().map(Order::orderId).sorted((a, b) -> order(a).compareTo(order(b))).toList();
    }

    private static Integer order(String id) {
        return List.of("filled-this-morning", "cancelled-yesterday", "filled-just-before-midnight", "working-since-yesterday")
                .indexOf(id);
    }

    private static Order order(String id, OrderStatus status, Instant updatedAt) {
        return new Order(id, null, "acc", InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                BigDecimal.valueOf(100), BigDecimal.valueOf(600), null, null, BigDecimal.ZERO, null, status, null,
                updatedAt.minusSeconds(60), updatedAt);
    }
}

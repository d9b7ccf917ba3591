package io.brokergate.core.spi;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Order entry and account queries. Every method completes exceptionally with a
 * {@link io.brokergate.core.error.GatewayException}; a place whose outcome is unknown (timeout)
 * fails with {@code TIMEOUT_UNKNOWN_OUTCOME} and must be resolved with {@link #findByClientOrderId}
 * before anything is resent.
 */
public interface TradingApi {

    /** Places an order, carrying {@link OrderRequest#clientOrderId()} in the broker's own tag field. */
    CompletionStage<OrderAck> place(OrderRequest request);

    CompletionStage<Void> amend(OrderAmendment amendment);

    CompletionStage<Void> cancel(String accountId, String orderId);

    CompletionStage<Optional<Order>> order(String accountId, String orderId);

    /** Looks an order up by the gateway's idempotency key, among today's orders. */
    CompletionStage<Optional<Order>> findByClientOrderId(String accountId, String clientOrderId);

    CompletionStage<List<Order>> todayOrders(String accountId, OrderQuery query);

    CompletionStage<List<Order>> historyOrders(String accountId, OrderQuery query);

    CompletionStage<List<Execution>> todayExecutions(String accountId, OrderQuery query);

    CompletionStage<List<Execution>> historyExecutions(String accountId, OrderQuery query);

    CompletionStage<List<Position>> positions(String accountId);

    CompletionStage<List<Balance>> balances(String accountId);

    /** Largest quantity the account can buy or sell now (cash-limited), in whole lots. */
    CompletionStage<BigDecimal> maxQuantity(String accountId, InstrumentId instrument, Side side, OrderType type, BigDecimal price);
}

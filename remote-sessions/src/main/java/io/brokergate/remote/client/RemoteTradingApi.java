package io.brokergate.remote.client;

import static io.brokergate.remote.wire.OwnerCalls.AMEND;
import static io.brokergate.remote.wire.OwnerCalls.BALANCES;
import static io.brokergate.remote.wire.OwnerCalls.CANCEL;
import static io.brokergate.remote.wire.OwnerCalls.HISTORY_EXECUTIONS;
import static io.brokergate.remote.wire.OwnerCalls.HISTORY_ORDERS;
import static io.brokergate.remote.wire.OwnerCalls.MAX_QUANTITY;
import static io.brokergate.remote.wire.OwnerCalls.ORDER;
import static io.brokergate.remote.wire.OwnerCalls.ORDER_BY_CLIENT_ID;
import static io.brokergate.remote.wire.OwnerCalls.PLACE;
import static io.brokergate.remote.wire.OwnerCalls.POSITIONS;
import static io.brokergate.remote.wire.OwnerCalls.TODAY_EXECUTIONS;
import static io.brokergate.remote.wire.OwnerCalls.TODAY_ORDERS;

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
import io.brokergate.core.spi.TradingApi;
import io.brokergate.remote.wire.OwnerArgs.AccountQuery;
import io.brokergate.remote.wire.OwnerArgs.AccountRef;
import io.brokergate.remote.wire.OwnerArgs.ClientOrderRef;
import io.brokergate.remote.wire.OwnerArgs.MaxQuantity;
import io.brokergate.remote.wire.OwnerArgs.OrderRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link TradingApi} of an account whose socket another pod owns: every call runs on the owner's session. */
final class RemoteTradingApi implements TradingApi {

    private final OwnerClient owner;
    private final String accountId;

    RemoteTradingApi(OwnerClient owner, String accountId) {
        this.owner = owner;
        this.accountId = accountId;
    }

    @Override
    public CompletionStage<OrderAck> place(OrderRequest request) {
        return owner.call(accountId, PLACE, request);
    }

    @Override
    public CompletionStage<Void> amend(OrderAmendment amendment) {
        return owner.call(accountId, AMEND, amendment);
    }

    @Override
    public CompletionStage<Void> cancel(String brokerAccount, String orderId) {
        return owner.call(accountId, CANCEL, new OrderRef(brokerAccount, orderId));
    }

    @Override
    public CompletionStage<Optional<Order>> order(String brokerAccount, String orderId) {
        return owner.call(accountId, ORDER, new OrderRef(brokerAccount, orderId)).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Optional<Order>> findByClientOrderId(String brokerAccount, String clientOrderId) {
        return owner.call(accountId, ORDER_BY_CLIENT_ID, new ClientOrderRef(brokerAccount, clientOrderId)).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<List<Order>> todayOrders(String brokerAccount, OrderQuery query) {
        return owner.call(accountId, TODAY_ORDERS, new AccountQuery(brokerAccount, query));
    }

    @Override
    public CompletionStage<List<Order>> historyOrders(String brokerAccount, OrderQuery query) {
        return owner.call(accountId, HISTORY_ORDERS, new AccountQuery(brokerAccount, query));
    }

    @Override
    public CompletionStage<List<Execution>> todayExecutions(String brokerAccount, OrderQuery query) {
        return owner.call(accountId, TODAY_EXECUTIONS, new AccountQuery(brokerAccount, query));
    }

    @Override
    public CompletionStage<List<Execution>> historyExecutions(String brokerAccount, OrderQuery query) {
        return owner.call(accountId, HISTORY_EXECUTIONS, new AccountQuery(brokerAccount, query));
    }

    @Override
    public CompletionStage<List<Position>> positions(String brokerAccount) {
        return owner.call(accountId, POSITIONS, new AccountRef(brokerAccount));
    }

    @Override
    public CompletionStage<List<Balance>> balances(String brokerAccount) {
        return owner.call(accountId, BALANCES, new AccountRef(brokerAccount));
    }

    @Override
    public CompletionStage<BigDecimal> maxQuantity(String brokerAccount, InstrumentId instrument, Side side, OrderType type,
                                                   BigDecimal price) {
        return owner.call(accountId, MAX_QUANTITY, new MaxQuantity(brokerAccount, instrument, side, type, price));
    }
}

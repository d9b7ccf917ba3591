package io.brokergate.stream.publishing;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;

/**
 * The adapter names accounts by the broker's account number; everything the gateway publishes
 * names them by the gateway's account id, which is what clients use.
 */
final class GatewayAccountIds {

    private GatewayAccountIds() {
    }

    static Order of(Order o, String accountId) {
        return accountId.equals(o.accountId()) ? o : new Order(o.orderId(), o.clientOrderId(), accountId, o.instrument(),
                o.side(), o.type(), o.timeInForce(), o.quantity(), o.limitPrice(), o.stopPrice(), o.expireDate(),
                o.filledQuantity(), o.averageFillPrice(), o.status(), o.message(), o.createdAt(), o.updatedAt());
    }

    static Execution of(Execution e, String accountId) {
        return accountId.equals(e.accountId()) ? e : new Execution(e.executionId(), e.orderId(), accountId,
                e.instrument(), e.side(), e.quantity(), e.price(), e.fee(), e.time());
    }

    static Position of(Position p, String accountId) {
        return accountId.equals(p.accountId()) ? p : new Position(accountId, p.instrument(), p.quantity(),
                p.availableQuantity(), p.averageCost(), p.lastPrice(), p.unrealizedPnl(), p.realizedPnl(), p.currency());
    }

    static Balance of(Balance b, String accountId) {
        return accountId.equals(b.accountId()) ? b : new Balance(accountId, b.currency(), b.cash(), b.availableCash(),
                b.frozenCash(), b.buyingPower(), b.marketValue(), b.netAssets(), b.realizedPnl(), b.unrealizedPnl(),
                b.timestamp());
    }
}

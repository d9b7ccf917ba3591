package io.brokergate.sim.engine;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Short ways to write order requests in tests. */
final class Orders {

    private Orders() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static OrderRequest limit(String account, InstrumentId id, Side side, long quantity, String price) {
        return request(account, id, side, OrderType.LIMIT, quantity, price, null, TimeInForce.DAY);
    }

    static OrderRequest market(String account, InstrumentId id, Side side, long quantity) {
        return request(account, id, side, OrderType.MARKET, quantity, null, null, TimeInForce.DAY);
    }

    static OrderRequest request(String account, InstrumentId id, Side side, OrderType type, long quantity, String limit,
            String stop, TimeInForce tif) {
        return new OrderRequest(account, null, id, side, type, BigDecimal.valueOf(quantity), limit == null ? null : d(limit),
                stop == null ? null : d(stop), null, null, tif, null, false);
    }

    static OrderRequest withClientId(OrderRequest r, String clientOrderId) {
        return new OrderRequest(r.accountId(), clientOrderId, r.instrument(), r.side(), r.type(), r.quantity(), r.limitPrice(),
                r.stopPrice(), null, null, r.timeInForce(), r.expireDate(), false);
    }

    static OrderRequest withQuantity(OrderRequest r, String quantity) {
        return new OrderRequest(r.accountId(), r.clientOrderId(), r.instrument(), r.side(), r.type(), d(quantity),
                r.limitPrice(), r.stopPrice(), null, null, r.timeInForce(), r.expireDate(), false);
    }

    static OrderRequest goodTillDate(OrderRequest r, LocalDate date) {
        return new OrderRequest(r.accountId(), r.clientOrderId(), r.instrument(), r.side(), r.type(), r.quantity(),
                r.limitPrice(), r.stopPrice(), null, null, TimeInForce.GOOD_TILL_DATE, date, false);
    }
}

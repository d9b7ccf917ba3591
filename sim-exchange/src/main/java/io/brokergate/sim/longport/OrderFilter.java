package io.brokergate.sim.longport;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.Side;
import java.time.Instant;
import java.util.Set;

/**
 * The filters of the order list endpoints: symbol, status[] (LongPort wire names), side, market
 * (HK/US/CN/SG) and order_id. The engine gets what it can filter on; the rest is applied here.
 */
record OrderFilter(InstrumentId symbol, Set<String> statuses, Side side, String market, String orderId) {

    static OrderFilter of(RestCall call) {
        String symbol = call.query("symbol");
        String side = call.query("side");
        String market = call.query("market");
        String orderId = call.query("order_id");
        return new OrderFilter(
                symbol == null || symbol.isBlank() ? null : OrderWireMapping.symbol(symbol),
                Set.copyOf(call.queryAll("status")),
                side == null || side.isBlank() ? null : OrderWireMapping.side(side),
                market == null || market.isBlank() ? null : market.trim().toUpperCase(java.util.Locale.ROOT),
                orderId == null || orderId.isBlank() ? null : orderId);
    }

    OrderQuery query(Instant from, Instant to) {
        return new OrderQuery(symbol, Set.of(), side, orderId, from, to);
    }

    boolean matches(Order o) {
        return (symbol == null || symbol.equals(o.instrument()))
                && (side == null || side == o.side())
                && (orderId == null || orderId.equals(o.orderId()))
                && (market == null || market.equals(TradeEndpoints.market(o.instrument().market())))
                && (statuses.isEmpty() || statuses.contains(OrderWireMapping.status(o)));
    }
}

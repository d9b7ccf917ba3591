package io.brokergate.sim.engine;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import java.util.ArrayList;
import java.util.List;

/** Collects every event an exchange emits, in order. */
final class EventLog implements SimEventListener {

    record OrderEvent(OrderDetail order, Execution fill) {
    }

    final List<OrderEvent> orders = new ArrayList<>();
    final List<Execution> executions = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<Depth> depths = new ArrayList<>();
    final List<TradeTick> trades = new ArrayList<>();

    @Override
    public synchronized void onOrderUpdate(OrderDetail order, Execution fill) {
        orders.add(new OrderEvent(order, fill));
    }

    @Override
    public synchronized void onExecution(Execution execution) {
        executions.add(execution);
    }

    @Override
    public synchronized void onQuote(Quote quote) {
        quotes.add(quote);
    }

    @Override
    public synchronized void onDepth(Depth depth) {
        depths.add(depth);
    }

    @Override
    public synchronized void onTrade(TradeTick trade) {
        trades.add(trade);
    }

    synchronized List<OrderEvent> ordersOf(String orderId) {
        List<OrderEvent> out = new ArrayList<>();
        for (OrderEvent e : orders) {
            if (e.order().orderId().equals(orderId)) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized void clear() {
        orders.clear();
        executions.clear();
        quotes.clear();
        depths.clear();
        trades.clear();
    }
}

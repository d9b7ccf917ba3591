package io.brokergate.sim.engine;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import org.jboss.logging.Logger;

/**
 * The core's event sink: the listener given at construction, with every exception it throws logged
 * and ignored. A listener failing half-way through a command must not leave orders, accounts and
 * books out of step with each other.
 */
final class GuardedListener implements SimEventListener {

    // The category operators already know for these warnings.
    private static final Logger LOG = Logger.getLogger(ExchangeCore.class);

    private final SimEventListener listener;

    /** @param listener null for none */
    GuardedListener(SimEventListener listener) {
        this.listener = listener == null ? new SimEventListener() {
        } : listener;
    }

    @Override
    public void onOrderUpdate(OrderDetail order, Execution fill) {
        try {
            listener.onOrderUpdate(order, fill);
        } catch (RuntimeException e) {
            LOG.warnf(e, "order listener failed for order %s", order.orderId());
        }
    }

    @Override
    public void onExecution(Execution execution) {
        try {
            listener.onExecution(execution);
        } catch (RuntimeException e) {
            LOG.warnf(e, "execution listener failed for order %s", execution.orderId());
        }
    }

    @Override
    public void onQuote(Quote quote) {
        try {
            listener.onQuote(quote);
        } catch (RuntimeException e) {
            LOG.warnf(e, "quote listener failed for %s", quote.instrument());
        }
    }

    @Override
    public void onDepth(Depth depth) {
        try {
            listener.onDepth(depth);
        } catch (RuntimeException e) {
            LOG.warnf(e, "depth listener failed for %s", depth.instrument());
        }
    }

    @Override
    public void onTrade(TradeTick trade) {
        try {
            listener.onTrade(trade);
        } catch (RuntimeException e) {
            LOG.warnf(e, "trade listener failed for %s", trade.instrument());
        }
    }
}

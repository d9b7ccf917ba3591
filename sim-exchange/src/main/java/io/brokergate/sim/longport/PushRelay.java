package io.brokergate.sim.longport;

import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.longport.rest.LongPortJson;
import io.brokergate.longport.rest.TradePushJson;
import io.brokergate.sim.engine.OrderDetail;
import io.brokergate.sim.engine.SimEventListener;
import io.brokergate.sim.server.SimRuntime;

/**
 * The engine's listener. It is registered with an executor that runs on the server's event loop
 * (the engine's mailbox hands events over in batches, in engine order), so these methods encode and
 * write to sockets directly and the engine thread never does I/O.
 */
final class PushRelay implements SimEventListener {

    private final SimRuntime runtime;
    private final LongPortSockets sockets;

    PushRelay(SimRuntime runtime, LongPortSockets sockets) {
        this.runtime = runtime;
        this.sockets = sockets;
    }

    @Override
    public void onQuote(Quote quote) {
        sockets.publishQuote(quote);
    }

    @Override
    public void onDepth(Depth depth) {
        sockets.publishDepth(depth);
    }

    @Override
    public void onTrade(TradeTick trade) {
        sockets.publishTrade(trade);
    }

    @Override
    public void onOrderUpdate(OrderDetail order, Execution fill) {
        String accountNo = order.order().accountId();
        if (!sockets.hasTradeListeners(accountNo)) {
            return; // nobody to tell: skip the JSON
        }
        var instrument = runtime.exchange().instrument(order.order().instrument()).orElse(null);
        byte[] json = LongPortJson.write(TradePushJson.orderChanged(
                OrderWireMapping.toOrderChanged(accountNo, order, fill, instrument)));
        sockets.publishOrderChange(accountNo, json);
    }
}

package io.brokergate.longport.adapter;

import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.TradingApi;
import io.brokergate.longport.quotes.LongPortMarketData;
import io.brokergate.longport.trading.LongPortTradingApi;
import java.util.concurrent.CompletionStage;

/**
 * One LongPort login: REST trading, market data over the quote socket (opened lazily on the first
 * call, shared with the push session: LongPort allows one quote socket per account), and the
 * push session. All calls share the account's rate-limit governor.
 */
public final class LongPortSession implements BrokerSession {

    private final LongPortTradingApi trading;
    private final LongPortMarketData marketData;
    private final LongPortPushSession push;

    LongPortSession(LongPortTradingApi trading, LongPortMarketData marketData, LongPortPushSession push) {
        this.trading = trading;
        this.marketData = marketData;
        this.push = push;
    }

    @Override
    public TradingApi trading() {
        return trading;
    }

    @Override
    public MarketDataApi marketData() {
        return marketData;
    }

    @Override
    public PushSession push() {
        return push;
    }

    /** Closes both sockets (WebSocket close 1000); the connector's shared clients stay open. Idempotent. */
    @Override
    public CompletionStage<Void> closeAsync() {
        return push.close();
    }
}

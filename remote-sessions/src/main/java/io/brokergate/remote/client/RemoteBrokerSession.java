package io.brokergate.remote.client;

import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.TradingApi;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The session of an account as seen from a pod that does not own it: request/response calls go to
 * the owner; there is no push socket here (the cluster holds one per account, in its owner).
 */
public final class RemoteBrokerSession implements BrokerSession {

    private final String accountId;
    private final TradingApi trading;
    private final MarketDataApi marketData;

    public RemoteBrokerSession(OwnerClient owner, String accountId) {
        this.accountId = accountId;
        this.trading = new RemoteTradingApi(owner, accountId);
        this.marketData = new RemoteMarketDataApi(owner, accountId);
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
        throw new UnsupportedOperationException("only the socket owner of account " + accountId
                + " holds its push socket; its pushes arrive as events");
    }

    /** Nothing to close: the connections belong to the shared client. */
    @Override
    public CompletionStage<Void> closeAsync() {
        return CompletableFuture.completedFuture(null);
    }
}

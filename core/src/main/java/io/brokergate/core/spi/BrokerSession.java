package io.brokergate.core.spi;

import java.util.concurrent.CompletionStage;

/**
 * One authenticated connection to a broker login. The trading and market-data APIs are request /
 * response; the push session is the one long-lived socket per account that the cluster's owner of
 * this account holds.
 */
public interface BrokerSession extends AutoCloseable {

    TradingApi trading();

    MarketDataApi marketData();

    PushSession push();

    /** Closes sockets and releases resources; idempotent. */
    CompletionStage<Void> closeAsync();

    @Override
    default void close() {
        closeAsync().toCompletableFuture().join();
    }
}

package io.brokergate.core.order;

/**
 * Order types across the supported brokers. Which ones an account may use is in its broker's
 * capabilities; adapters map these onto the broker's own codes (LongPort {@code LO}, Futu 1, …).
 */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    /** Stop-market: becomes a market order when the trigger is touched. */
    STOP(false, true),
    /** Stop-limit: becomes a limit order when the trigger is touched. */
    STOP_LIMIT(true, true),
    MARKET_IF_TOUCHED(false, true),
    LIMIT_IF_TOUCHED(true, true),
    TRAILING_STOP(false, false),
    TRAILING_STOP_LIMIT(false, false),
    /** HKEX enhanced limit: may match up to 10 spreads away. */
    ENHANCED_LIMIT(true, false),
    AT_AUCTION(false, false),
    AT_AUCTION_LIMIT(true, false);

    private final boolean needsLimitPrice;
    private final boolean needsStopPrice;

    OrderType(boolean needsLimitPrice, boolean needsStopPrice) {
        this.needsLimitPrice = needsLimitPrice;
        this.needsStopPrice = needsStopPrice;
    }

    public boolean needsLimitPrice() {
        return needsLimitPrice;
    }

    public boolean needsStopPrice() {
        return needsStopPrice;
    }

    public boolean isTrailing() {
        return this == TRAILING_STOP || this == TRAILING_STOP_LIMIT;
    }
}

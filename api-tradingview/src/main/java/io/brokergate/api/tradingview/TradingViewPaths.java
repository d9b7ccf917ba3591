package io.brokergate.api.tradingview;

/** Where TradingView's Broker API lives in every service: under {@code /tv}. */
public final class TradingViewPaths {

    public static final String ROOT = "/tv";

    private TradingViewPaths() {
    }

    public static boolean isTradingView(String path) {
        return path != null && (path.startsWith(ROOT + "/") || path.equals(ROOT));
    }
}

package io.brokergate.trade.tradingview;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

/** The TradingView facade's settings ({@code brokergate.trade.tradingview.*}); defaults in microprofile-config.properties. */
@ConfigMapping(prefix = "brokergate.trade.tradingview")
public interface TradingViewSettings {

    /** Symbols {@code /instruments} lists, TICKER.MARKET (only those of markets the account's broker trades are shown). */
    List<String> instruments();

    /** How long a {@code /previewOrder} confirmId stays good for the place or modify it confirms. */
    Duration confirmValidity();
}

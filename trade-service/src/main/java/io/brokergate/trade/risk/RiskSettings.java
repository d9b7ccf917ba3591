package io.brokergate.trade.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Risk limits ({@code brokergate.trade.risk.*}); see the "Risk limits" section of trade-service/README.md. */
@ConfigMapping(prefix = "brokergate.trade.risk")
public interface RiskSettings {

    /**
     * How often a pod writes the daily counts it gathered, reads the other pods' counts, and picks
     * up limits and kill switches changed through other pods. Also the most orders' worth of
     * daily counting a crash can lose, and the longest another pod keeps accepting orders after a
     * kill switch was engaged elsewhere.
     */
    @WithDefault("2s")
    Duration syncInterval();

    /** Daily counts older than this are deleted. */
    @WithDefault("7d")
    Duration dailyCountRetention();
}

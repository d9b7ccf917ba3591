package io.brokergate.stream.upstream;

import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.longport.adapter.LongPortCapabilities;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The trade limit each paper account's governor enforces ({@code brokergate.paper-broker.*}). The
 * paper exchange speaks LongPort and by default keeps LongPort's rule — 30 trade calls per 30 s, at
 * least 20 ms apart — so a bot tried on paper behaves the same on a real account. The exchange is
 * ours, though: a load test raises the limit here and in the exchange (all-in-one's in-process
 * exchange reads these same settings). Quote limits stay LongPort's.
 */
@ConfigMapping(prefix = "brokergate.paper-broker")
public interface PaperBrokerLimits {

    /** Trade calls (place, modify, cancel, order and asset queries) per account and window; default 30. */
    @WithDefault("30")
    int tradeCalls();

    /** The sliding window {@link #tradeCalls()} are counted in; default 30 s. */
    @WithDefault("30s")
    Duration tradeWindow();

    /** Least time between two trade calls of one account; default 20 ms, 0 for none. */
    @WithDefault("20ms")
    Duration tradeMinSpacing();

    /** The limits of a paper account's governor: LongPort's quote limit and this trade limit. */
    default OutboundLimits limits() {
        return LongPortCapabilities.withTradeLimit(tradeCalls(), tradeWindow(), tradeMinSpacing());
    }
}

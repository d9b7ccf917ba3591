package io.brokergate.stream.tradingview;

import io.brokergate.stream.fanout.FanoutTestProfile;
import java.util.Map;

/** The fan-out test seams with a short TradingView ping interval. */
public class TradingViewStreamsProfile extends FanoutTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brokergate.stream.tradingview.ping-interval", "1s");
    }
}

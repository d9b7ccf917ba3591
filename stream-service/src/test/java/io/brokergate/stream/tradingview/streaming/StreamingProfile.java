package io.brokergate.stream.tradingview.streaming;

import io.brokergate.stream.fanout.FanoutTestProfile;
import java.util.Map;

/** The fan-out test seams, three streamed symbols (one the fake broker refuses) and a 1 s heartbeat. */
public class StreamingProfile extends FanoutTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brokergate.stream.tradingview.streaming.symbols", "700.HK,AAPL.US,CAP.US",
                "brokergate.stream.tradingview.streaming.heartbeat-interval", "1s",
                "brokergate.stream.tradingview.streaming.retry-interval", "1s");
    }
}

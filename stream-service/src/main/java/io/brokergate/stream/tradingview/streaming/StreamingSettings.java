package io.brokergate.stream.tradingview.streaming;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** TradingView's data-integration stream {@code /tv/streaming} ({@code brokergate.stream.tradingview.streaming.*}). */
@ConfigMapping(prefix = "brokergate.stream.tradingview.streaming")
public interface StreamingSettings {

    /**
     * The symbols streamed: the integration's symbol list, i.e. what {@code /symbol_info} lists
     * (canonical ids such as {@code 700.HK}). Unset: heartbeats only, and a warning at start.
     */
    Optional<List<String>> symbols();

    /** Simultaneous connections per server client; TradingView opens up to 4 and expects the same data on each. */
    @WithDefault("4")
    int maxConnections();

    /** {@code {"heartbeat":unixSec}} on every connection this often, whatever else is sent. */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /** Lines queued for one connection before it is dropped as too slow (TradingView reconnects at once). */
    @WithDefault("10000")
    int backlog();

    /** A connection whose writes have not progressed for this long is dead (a half-open TCP peer) and is closed, freeing its slot. */
    @WithDefault("30s")
    Duration stallTimeout();

    /** How soon a refused upstream subscription is tried again (the broker session may not be open yet, or the cap full). */
    @WithDefault("5s")
    Duration retryInterval();
}

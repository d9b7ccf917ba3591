package io.brokergate.stream.fanout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the client streams ({@code brokergate.stream.clients.*}). */
@ConfigMapping(prefix = "brokergate.stream.clients")
public interface FanoutSettings {

    /** Order/execution/status messages a client may have queued before it is disconnected as too slow. */
    @WithDefault("1000")
    int losslessBacklog();

    /** Frames handed to one client's connection and not yet written; beyond it frames wait in the outbox. */
    @WithDefault("64")
    int sendWindow();

    /** Account events kept per account for resume. */
    @WithDefault("10000")
    int retentionEvents();

    /** Age beyond which a retained account event no longer counts for resume. */
    @WithDefault("10m")
    Duration retentionAge();

    @WithDefault("15s")
    Duration heartbeat();

    @WithDefault("200")
    int maxSubscriptionsPerConnection();

    /** Time a WebSocket client without an Authorization header has to send {@code auth}. */
    @WithDefault("10s")
    Duration authTimeout();

    /** Largest client message accepted; larger ones get an error, the connection stays. */
    @WithDefault("65536")
    int maxMessageBytes();

    /** Invalid messages tolerated per connection within {@link #invalidMessageWindow()} before it is closed. */
    @WithDefault("20")
    int maxInvalidMessages();

    @WithDefault("10s")
    Duration invalidMessageWindow();

    /** Orders kept per account for snapshots. */
    @WithDefault("10000")
    int ordersPerAccount();
}

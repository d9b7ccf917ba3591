package io.brokergate.remote.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Calls from trade- and quote-service pods to an account's socket owner ({@code brokergate.remote-sessions.*}). */
@ConfigMapping(prefix = "brokergate.remote-sessions")
public interface RemoteSessionsSettings {

    /**
     * How long a call may wait for the owner's answer; default 25 s: above the owner's longest queueing
     * in its rate-limit governor (10 s), below trade-service's own 30 s wait, so a place that times out
     * here is reported as an unknown outcome with this cause.
     */
    @WithDefault("25s")
    Duration timeout();

    /** Connecting to the owner; a failure here sent nothing, so the owner is looked up again once. Default 2 s. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Kept-alive connections to each owner pod; default 16. */
    @WithDefault("16")
    int maxConnectionsPerOwner();

    /** Largest answer read from an owner (history lists are the big ones); default 8 MiB. */
    @WithDefault("8388608")
    int maxAnswerBytes();
}

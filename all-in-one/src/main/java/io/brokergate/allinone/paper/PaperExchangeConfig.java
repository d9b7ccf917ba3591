package io.brokergate.allinone.paper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The in-process paper exchange ({@code brokergate.paper.*}). */
@ConfigMapping(prefix = "brokergate.paper")
public interface PaperExchangeConfig {

    /** Start sim-exchange inside this JVM; default true. */
    @WithDefault("true")
    boolean enabled();

    /** Interface its LongPort face (REST and WebSocket on one port) binds to; default 127.0.0.1. */
    @WithDefault("127.0.0.1")
    String host();

    /** Port of its LongPort face; 0 picks a free port (tests); default 8081. */
    @WithDefault("8081")
    int port();

    /** Seed of the market's random process: the same seed gives the same prices; default 20261121. */
    @WithDefault("20261121")
    long seed();
}

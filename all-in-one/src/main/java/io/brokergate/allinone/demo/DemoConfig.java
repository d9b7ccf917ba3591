package io.brokergate.allinone.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** First-start demo data ({@code brokergate.demo.*}). */
@ConfigMapping(prefix = "brokergate.demo")
public interface DemoConfig {

    /** Seed a demo tenant, user and funded paper account on first start; default true. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Password of the demo user ({@code BROKERGATE_DEMO_PASSWORD}). When absent on first start a
     * random one is generated and printed once; when set on a later start, it replaces the old one.
     */
    Optional<String> password();

    /** Login of the demo user; default {@code demo}. */
    @WithDefault("demo")
    String login();
}

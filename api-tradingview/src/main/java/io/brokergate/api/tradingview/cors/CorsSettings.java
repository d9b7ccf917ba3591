package io.brokergate.api.tradingview.cors;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * CORS for TradingView's browser-side calls to {@code /tv/**} (brokergate.tradingview.cors.*).
 * Defaults in this module's {@code microprofile-config.properties}.
 */
@ConfigMapping(prefix = "brokergate.tradingview.cors")
public interface CorsSettings {

    /** Off: {@code /tv} answers without CORS headers and leaves OPTIONS to the framework. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Allowed origins, {@code scheme://host[:port]}; a host starting with {@code *.} allows any
     * subdomain (one label or more) of the rest, e.g. {@code https://*.tradingview.com}.
     */
    List<String> origins();

    /** Access-Control-Max-Age of preflight answers (Chromium caps it at 2 h, Firefox at 24 h). */
    @WithDefault("PT2H")
    Duration maxAge();
}

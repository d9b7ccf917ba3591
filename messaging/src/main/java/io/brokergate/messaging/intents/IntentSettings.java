package io.brokergate.messaging.intents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long {@code subscription-intents} live: every publisher (stream pods, and trade pods for
 * armed stops) restates its intents each {@link #refresh()}, and owners forget an intent not
 * restated within {@link #lease()}. A pod that crashed therefore holds broker subscriptions for
 * about one lease at most; the lease must be several refreshes long, so that a late restatement
 * is never taken for a crash.
 */
@ConfigMapping(prefix = "brokergate.intents")
public interface IntentSettings {

    /** How often a pod restates the intents it holds. */
    @WithDefault("60s")
    Duration refresh();

    /** How long an owner keeps an intent that was not restated. */
    @WithDefault("180s")
    Duration lease();
}

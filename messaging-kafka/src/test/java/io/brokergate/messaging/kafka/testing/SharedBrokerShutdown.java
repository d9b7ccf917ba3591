package io.brokergate.messaging.kafka.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared test broker when the test run ends, before the JVM exits: stopped from a
 * shutdown hook it races Kafka's own hooks that delete its temporary log directories, and a broker
 * whose log directories all fail halts the JVM with status 1 (a "failed" fork). Registered through
 * {@code META-INF/services}, so every module using the test fixtures gets it.
 */
public class SharedBrokerShutdown implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        KafkaTestBroker.stopShared();
    }
}

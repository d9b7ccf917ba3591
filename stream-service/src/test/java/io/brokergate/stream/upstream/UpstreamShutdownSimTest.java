package io.brokergate.stream.upstream;

import io.brokergate.sim.admin.SimAdminClient;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.stream.ownership.LocalAccountOwnership;
import io.brokergate.stream.publishing.AccountPublishers;
import io.brokergate.stream.publishing.EventSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership drives the sessions end to end without a container: local assignment opens both
 * accounts' sockets and publishes their state; shutdown says {@code closing} last, revokes and
 * closes the sockets.
 */
class UpstreamShutdownSimTest {

    private final Vertx vertx = SimUpstreamAccounts.withWebSockets(Vertx::vertx);
    private final SimUpstreamAccounts upstream = new SimUpstreamAccounts();
    private final List<AccountEvent> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        upstream.stop(null);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void shutdownSaysClosingThenReleasesOwnershipAndSockets() {
        upstream.start();
        EventSink sink = new EventSink() {
            @Override
            public void publish(MarketDataEvent event) {
            }

            @Override
            public void publish(AccountEvent event) {
                published.add(event);
            }
        };
        BrokerConnectors connectors = new BrokerConnectors(vertx, PaperBrokerLimitsTest.defaults());
        UpstreamSessions sessions = new UpstreamSessions(new LocalAccountOwnership(upstream), connectors,
                new AccountPublishers(sink, Duration.ofSeconds(2)), noEvents(), noEvents(), vertx, new SimpleMeterRegistry());
        SimAdminClient admin = new SimAdminClient(upstream.sim().httpUrl());

        sessions.start(null);
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.statuses().stream().filter(UpstreamStatus::isLive).count() == 2);
        // The state snapshot (balances at least) is published on assignment.
        await().atMost(Duration.ofSeconds(10)).until(() -> published.stream().filter(e -> e.kind() == AccountEvent.Kind.BALANCES)
                .map(e -> e.stamp().accountId()).distinct().count() == 2);
        assertEquals(1, admin.accountStats(SimUpstreamAccounts.BROKER_NO_A).path("live_quote_sockets").asInt());

        sessions.stop(null);

        for (String account : List.of(SimUpstreamAccounts.ACCOUNT_A, SimUpstreamAccounts.ACCOUNT_B)) {
            AccountEvent last = published.stream().filter(e -> e.stamp().accountId().equals(account)).reduce((a, b) -> b).orElseThrow();
            assertEquals(AccountEvent.Kind.CONNECTION, last.kind());
            assertEquals("closing", last.connection().state());
        }
        assertTrue(sessions.owned().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.accountStats(SimUpstreamAccounts.BROKER_NO_A).path("live_quote_sockets").asInt() == 0
                && admin.accountStats(SimUpstreamAccounts.BROKER_NO_A).path("live_trade_sockets").asInt() == 0);
        connectors.stop(null);
    }

    @SuppressWarnings("unchecked")
    private static <T> Event<T> noEvents() {
        return (Event<T>) Proxy.newProxyInstance(UpstreamShutdownSimTest.class.getClassLoader(),
                new Class<?>[] {Event.class}, (proxy, method, args) -> null);
    }
}

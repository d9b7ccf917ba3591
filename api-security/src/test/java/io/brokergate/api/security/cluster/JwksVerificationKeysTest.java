package io.brokergate.api.security.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cluster mode against a real HTTP JWKS endpoint, with a hand-driven clock for the refetch interval. */
class JwksVerificationKeysTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private Vertx vertx;
    private FakeAuthServer server;
    private JwksVerificationKeys keys;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = FakeAuthServer.start();
        server.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        keys = new JwksVerificationKeys(JwksVerificationKeys.httpSource(vertx, Duration.ofSeconds(30), server.baseUrl() + "/oauth/jwks"),
                INTERVAL, MAX_AGE, clock::get);
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private Optional<PublicKey> key(String kid) {
        return keys.forKid(kid).await().atMost(Duration.ofSeconds(30));
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void knownKeysAreServedFromMemory() {
        assertEquals(Optional.of(TestKeys.SIGNING.getPublic()), key(TestKeys.SIGNING_KID));
        for (int i = 0; i < 100; i++) {
            assertTrue(key(TestKeys.SIGNING_KID).isPresent());
        }
        assertEquals(1, server.jwksFetches());
    }

    @Test
    void concurrentFirstLookupsShareOneFetch() {
        List<Uni<Optional<PublicKey>>> pending = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pending.add(keys.forKid(TestKeys.SIGNING_KID));
        }
        for (Uni<Optional<PublicKey>> p : pending) {
            assertTrue(p.await().atMost(Duration.ofSeconds(30)).isPresent());
        }
        assertEquals(1, server.jwksFetches());
    }

    @Test
    void aFloodOfForgedKidsRefetchesAtMostOncePerInterval() {
        key(TestKeys.SIGNING_KID);
        advance(INTERVAL);
        for (int i = 0; i < 1000; i++) {
            assertFalse(key("forged-" + i).isPresent());
        }
        assertEquals(2, server.jwksFetches(), "the initial load and one refetch");
        advance(INTERVAL.minusSeconds(1));
        assertFalse(key("forged-x").isPresent());
        assertEquals(2, server.jwksFetches());
        advance(Duration.ofSeconds(1));
        assertFalse(key("forged-y").isPresent());
        assertEquals(3, server.jwksFetches());
    }

    @Test
    void aRotatedKeyIsPickedUpAndARemovedKeyStopsVerifying() {
        key(TestKeys.SIGNING_KID);
        server.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic(), TestKeys.ROTATED_KID, TestKeys.ROTATED.getPublic()));
        advance(INTERVAL);
        assertEquals(Optional.of(TestKeys.ROTATED.getPublic()), key(TestKeys.ROTATED_KID));
        assertTrue(key(TestKeys.SIGNING_KID).isPresent(), "old key kept while still published");

        server.publish(Map.of(TestKeys.ROTATED_KID, TestKeys.ROTATED.getPublic()));
        advance(MAX_AGE.plusSeconds(1));
        assertTrue(key(TestKeys.SIGNING_KID).isPresent(), "served while the background refresh runs");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> key(TestKeys.SIGNING_KID).isEmpty());
        assertTrue(key(TestKeys.ROTATED_KID).isPresent());
    }

    @Test
    void aFailedFetchKeepsTheKnownKeys() {
        key(TestKeys.SIGNING_KID);
        server.down(true);
        advance(INTERVAL);
        assertFalse(key("new-kid").isPresent());
        assertEquals(2, server.jwksFetches());
        assertTrue(key(TestKeys.SIGNING_KID).isPresent());
    }
}

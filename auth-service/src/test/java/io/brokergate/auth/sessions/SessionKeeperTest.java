package io.brokergate.auth.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.connections.BrokerConnection;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.longport.rest.SocketTokenJson;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session keeping end to end against a real paper exchange speaking LongPort REST. */
@QuarkusTest
class SessionKeeperTest {

    private static SimExchangeServer exchange;

    @Inject
    SessionKeeper keeper;
    @Inject
    SocketTokens socketTokens;
    @Inject
    TokenRefresher refresher;
    @Inject
    SessionStore sessions;
    @Inject
    BrokerConnectionStore connections;
    @Inject
    TenantStore tenants;
    @Inject
    AuditLog audit;
    @Inject
    LongPortCalls calls;

    private String tenantId;

    @BeforeAll
    static void startExchange() {
        exchange = SimExchangeServer.start(SimServerSettings.defaults().withPort(0));
        TestPaperExchangeEndpoints.running = Map.of("http", exchange.httpUrl(), "quote_ws", exchange.quoteWebSocketUrl(),
                "trade_ws", exchange.tradeWebSocketUrl());
    }

    @AfterAll
    static void stopExchange() {
        TestPaperExchangeEndpoints.running = Map.of();
        if (exchange != null) {
            exchange.close();
        }
    }

    @BeforeEach
    void tenant() {
        tenantId = tenants.create("sessions-" + UUID.randomUUID()).id();
    }

    @Test
    void socketTokensAreFetchedWithTheStoredCredentials() {
        BrokerConnection bc = paperConnection(register(), true);
        SocketToken t = socketTokens.fetch(bc.id()).await().atMost(Duration.ofSeconds(10));
        assertFalse(t.otp().isBlank());
        assertTrue(t.limit() > 0);
        assertFalse(t.toString().contains(t.otp()), "the OTP is a credential");
        // Without stored endpoints a paper connection uses the running exchange (all-in-one).
        BrokerConnection bare = paperConnection(register(), false);
        assertFalse(socketTokens.fetch(bare.id()).await().atMost(Duration.ofSeconds(10)).otp().isBlank());

        GatewayException missing = assertThrows(GatewayException.class,
                () -> socketTokens.fetch(UUID.randomUUID().toString()).await().atMost(Duration.ofSeconds(10)));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }

    @Test
    void aTokenNearExpiryIsRefreshedStoredReEncryptedAndTheOldOneDies() throws Exception {
        PaperAccountSpec account = register();
        BrokerConnection bc = paperConnection(account, true);
        sessions.setTokenExpiry(bc.id(), Instant.now().plus(1, ChronoUnit.DAYS));
        BrokerCredentials before = connections.credentials(bc.id()).orElseThrow();

        List<String> logged = captureLogs(() -> {
            SessionKeeper.Run run = keeper.runOnce();
            assertTrue(run.outcomes().stream().anyMatch(o -> o.connectionId().equals(bc.id())
                    && o.result() == TokenRefresher.Result.REFRESHED), run.toString());
        });

        BrokerCredentials after = connections.credentials(bc.id()).orElseThrow();
        String newToken = after.require("access_token");
        assertNotEquals(account.accessToken(), newToken);
        assertEquals(account.appSecret(), after.require("app_secret"), "other credentials are kept");
        assertEquals(exchange.accounts().stream().filter(p -> p.accountNo().equals(account.accountNo())).findFirst()
                .orElseThrow().accessToken(), newToken, "the exchange issued what we stored");
        Instant expiry = sessions.tokenExpiry(bc.id()).orElseThrow();
        assertTrue(expiry.isAfter(Instant.now().plus(89, ChronoUnit.DAYS)), "expiry now ~90 days ahead: " + expiry);

        // The old token is invalid at the exchange; the stored new one works.
        CompletionException dead = assertThrows(CompletionException.class, () -> calls.get(before, SocketTokens.PATH, null,
                SocketTokenJson.class).toCompletableFuture().join());
        assertEquals("401003", ((GatewayException) dead.getCause()).brokerCode());
        assertFalse(socketTokens.fetch(bc.id()).await().atMost(Duration.ofSeconds(10)).otp().isBlank());

        List<AuditLog.Entry> entries = audit.recent(tenantId, 50);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("broker.token.refresh")
                && e.outcome() == AuditLog.Outcome.SUCCESS && e.detail().contains(bc.id())));
        for (AuditLog.Entry e : entries) {
            assertFalse(String.valueOf(e.detail()).contains(newToken) || String.valueOf(e.detail()).contains(account.accessToken()));
        }
        for (String line : logged) {
            assertFalse(line.contains(newToken) || line.contains(account.accessToken()) || line.contains(account.appSecret()),
                    "a token reached the log: " + line);
        }

        // Refreshed: no longer due, so the next scan leaves it alone.
        assertTrue(keeper.runOnce().outcomes().stream().noneMatch(o -> o.connectionId().equals(bc.id())));
    }

    @Test
    void tokensFarFromExpiryOrWithoutKnownExpiryAreLeftAlone() {
        BrokerConnection far = paperConnection(register(), true);
        sessions.setTokenExpiry(far.id(), Instant.now().plus(30, ChronoUnit.DAYS));
        BrokerConnection unknown = paperConnection(register(), true);
        SessionKeeper.Run run = keeper.runOnce();
        assertTrue(run.outcomes().stream().noneMatch(o -> o.connectionId().equals(far.id()) || o.connectionId().equals(unknown.id())));
        assertEquals(TokenRefresher.Result.NOT_DUE, refresher.refresh(far.id(), false).result());
    }

    @Test
    void failuresAreAuditedAndRetriedWithBackoff() {
        PaperAccountSpec account = register();
        BrokerConnection bc = connections.create(tenantId, BrokerId.PAPER, "bad secret", Map.of("app_key", account.appKey(),
                "app_secret", "not-the-secret", "access_token", account.accessToken()), Map.of("http", exchange.httpUrl()));
        sessions.setTokenExpiry(bc.id(), Instant.now().plus(1, ChronoUnit.HOURS));

        SessionKeeper.Run first = keeper.runOnce();
        assertTrue(first.failures().containsKey(bc.id()), first.toString());
        assertTrue(first.failures().get(bc.id()).startsWith("unauthenticated"), first.failures().get(bc.id()));
        assertTrue(audit.recent(tenantId, 10).stream().anyMatch(e -> e.action().equals("broker.token.refresh")
                && e.outcome() == AuditLog.Outcome.FAILURE && e.detail().contains("403201")));

        SessionKeeper.Run second = keeper.runOnce();
        assertTrue(second.backingOff().contains(bc.id()), "retried only after the backoff");
        assertFalse(second.failures().containsKey(bc.id()));

        keeper.forget(bc.id());
        assertTrue(keeper.runOnce().failures().containsKey(bc.id()), "forgetting the backoff retries at once");
        assertTrue(sessions.tryLease(bc.id(), Instant.now(), Instant.now().plusSeconds(1)), "the lease was released");
        sessions.releaseLease(bc.id());
    }

    @Test
    void aConnectionLeasedByAnotherInstanceIsNotRefreshedTwice() {
        PaperAccountSpec account = register();
        BrokerConnection bc = paperConnection(account, true);
        sessions.setTokenExpiry(bc.id(), Instant.now().plus(1, ChronoUnit.DAYS));
        assertTrue(sessions.tryLease(bc.id(), Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES)));
        try {
            assertFalse(sessions.tryLease(bc.id(), Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES)));
            assertTrue(keeper.runOnce().outcomes().stream().anyMatch(o -> o.connectionId().equals(bc.id())
                    && o.result() == TokenRefresher.Result.BUSY));
            assertEquals(account.accessToken(), connections.credentials(bc.id()).orElseThrow().require("access_token"));
        } finally {
            sessions.releaseLease(bc.id());
        }
        // An expired lease (a crashed instance) can be taken over.
        assertTrue(sessions.tryLease(bc.id(), Instant.now(), Instant.now().minusSeconds(1)));
        assertTrue(sessions.tryLease(bc.id(), Instant.now(), Instant.now().plusSeconds(1)));
        sessions.releaseLease(bc.id());
    }

    @Test
    void forceRefreshesATokenWhoseExpiryIsUnknown() {
        PaperAccountSpec account = register();
        BrokerConnection bc = paperConnection(account, true);
        assertEquals(TokenRefresher.Result.REFRESHED, refresher.refresh(bc.id(), true).result(), "force refreshes any token");
        String refreshed = connections.credentials(bc.id()).orElseThrow().require("access_token");
        assertNotEquals(account.accessToken(), refreshed);
    }

    private PaperAccountSpec register() {
        String n = UUID.randomUUID().toString().replace("-", "");
        PaperAccountSpec spec = new PaperAccountSpec("PA" + n.substring(0, 10), "test", "key" + n, "secret" + n,
                "token" + n, Map.of());
        exchange.registerAccount(spec);
        return spec;
    }

    private BrokerConnection paperConnection(PaperAccountSpec account, boolean withEndpoints) {
        Map<String, String> endpoints = withEndpoints ? Map.of("http", exchange.httpUrl()) : Map.of();
        return connections.create(tenantId, BrokerId.PAPER, "paper", Map.of("app_key", account.appKey(),
                "app_secret", account.appSecret(), "access_token", account.accessToken(), "account_no", account.accountNo()),
                endpoints);
    }

    /** Every log message from everywhere while {@code body} runs. */
    private static List<String> captureLogs(Runnable body) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                // Message and raw parameters: a token would show in one of them, whatever the format style.
                lines.add(r.getMessage() + " " + Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            body.run();
            TimeUnit.MILLISECONDS.sleep(100);
        } finally {
            root.removeHandler(handler);
        }
        assertFalse(lines.isEmpty(), "the capture saw no log at all");
        return lines;
    }
}

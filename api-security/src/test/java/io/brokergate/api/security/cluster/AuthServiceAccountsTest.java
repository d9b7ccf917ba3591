package io.brokergate.api.security.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A standalone pod's view of auth-service's account list, against an HTTP server that serves it. */
class AuthServiceAccountsTest {

    private static final Duration REFRESH = Duration.ofMillis(200);
    private static final Account A1 = account("a1", "tenant-a");
    private static final Account A2 = account("a2", "tenant-a");
    private static final Account B1 = account("b1", "tenant-b");

    private final Vertx vertx = Vertx.vertx();
    private final FakeAuthServer server = FakeAuthServer.start();
    private final List<AuthServiceAccounts> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(AuthServiceAccounts::close);
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void accountsAreFoundByIdAndByTenantOnlyForThatTenant() {
        server.accounts(list(entry(A1), entry(A2), entry(B1)));
        AuthServiceAccounts accounts = start(FakeAuthServer.INTROSPECTION_SECRET);
        assertTrue(accounts.awaitFirstRead(Duration.ofSeconds(5)));
        assertEquals(Optional.of(A1), accounts.find("a1"));
        assertEquals(List.of(A1, A2), accounts.forTenant("tenant-a"));
        assertEquals(List.of(B1), accounts.forTenant("tenant-b"));
        assertEquals(List.of(), accounts.forTenant("tenant-c"));
        assertEquals(Optional.empty(), accounts.find("nope"));
        assertEquals(Optional.empty(), accounts.find(null));
    }

    @Test
    void anAccountLinkedLaterAppearsAndIsAnnouncedOnce() {
        server.accounts(list(entry(A1)));
        AuthServiceAccounts accounts = start(FakeAuthServer.INTROSPECTION_SECRET);
        AtomicInteger changes = new AtomicInteger();
        accounts.onChange(changes::incrementAndGet);
        assertTrue(accounts.awaitFirstRead(Duration.ofSeconds(5)));
        await().atMost(Duration.ofSeconds(5)).until(() -> accounts.find("a1").isPresent());
        int before = changes.get();
        server.accounts(list(entry(A1), entry(B1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> accounts.find("b1").isPresent());
        int reads = server.accountReads();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.accountReads() >= reads + 3);
        assertEquals(before + 1, changes.get(), "re-reading an unchanged list announces nothing");
    }

    @Test
    void credentialsTravelOnlyWhenListedAndNeverInToString() {
        BrokerCredentials c = new BrokerCredentials(BrokerId.LONGPORT, "c-a1", Map.of("app_secret", "s3cret"),
                Map.of("http", "http://broker"));
        server.accounts(AccountEntry.list(List.of(new AccountEntry(A1, Optional.of(c)))));
        AuthServiceAccounts accounts = start(FakeAuthServer.INTROSPECTION_SECRET);
        await().atMost(Duration.ofSeconds(5)).until(() -> !accounts.entries().isEmpty());
        assertEquals(Optional.of(c), accounts.entries().get(0).credentials());
        assertFalse(accounts.entries().get(0).toString().contains("s3cret"));
    }

    @Test
    void whenAuthServiceFailsTheLastListStaysInUse() {
        server.accounts(list(entry(A1)));
        AuthServiceAccounts accounts = start(FakeAuthServer.INTROSPECTION_SECRET);
        await().atMost(Duration.ofSeconds(5)).until(() -> accounts.find("a1").isPresent());
        server.down(true);
        int reads = server.accountReads();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.accountReads() >= reads + 2);
        assertTrue(accounts.find("a1").isPresent());
        server.accounts(new JsonObject().put("unexpected", true));
        server.down(false);
        int later = server.accountReads();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.accountReads() >= later + 2);
        assertTrue(accounts.find("a1").isPresent(), "a malformed list does not replace a good one");
    }

    @Test
    void aWrongSecretReadsNothingButTheFirstReadStillCompletes() {
        server.accounts(list(entry(A1)));
        AuthServiceAccounts accounts = start("wrong");
        assertTrue(accounts.awaitFirstRead(Duration.ofSeconds(5)));
        assertEquals(Optional.empty(), accounts.find("a1"));
    }

    private AuthServiceAccounts start(String secret) {
        AuthServiceAccounts accounts = AuthServiceAccounts.start(vertx, server.baseUrl() + "/internal/v1/accounts",
                new ServiceCredential(FakeAuthServer.INTROSPECTION_CLIENT, Optional.of(secret)), REFRESH, Duration.ofSeconds(2));
        started.add(accounts);
        return accounts;
    }

    private static JsonObject list(AccountEntry... entries) {
        return AccountEntry.list(List.of(entries));
    }

    private static AccountEntry entry(Account account) {
        return new AccountEntry(account, Optional.empty());
    }

    private static Account account(String id, String tenant) {
        return new Account(id, tenant, "c-" + id, BrokerId.LONGPORT, "LP" + id, "acct " + id, "USD", AccountKind.LIVE);
    }
}

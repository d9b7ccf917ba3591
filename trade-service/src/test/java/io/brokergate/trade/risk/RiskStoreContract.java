package io.brokergate.trade.risk;

import static io.brokergate.trade.risk.RiskFixtures.ACCOUNT;
import static io.brokergate.trade.risk.RiskFixtures.BY_USER;
import static io.brokergate.trade.risk.RiskFixtures.KEY;
import static io.brokergate.trade.risk.RiskFixtures.TENANT;
import static io.brokergate.trade.risk.RiskFixtures.limit;
import static io.brokergate.trade.risk.RiskFixtures.limits;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The risk tables on a real database: storage of limits and switches, and the daily count
 * surviving a restart and adding up across pods. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class RiskStoreContract {

    private static final OrderRequest ORDER = limit("700.HK", "10", "300");
    private static final Instant T = Instant.parse("2026-11-20T03:00:00Z");

    private RiskDatabase database;
    private RiskStore store;

    abstract RiskDatabase open();

    @BeforeEach
    void migrate() {
        database = open();
        store = new RiskStore(database.dataSource());
    }

    @AfterEach
    void drop() throws Exception {
        if (database != null) { // null when open() skipped the test (no PostgreSQL here)
            database.close();
        }
    }

    @Test
    void storesReplacesAndDeletesTheLimitsOfEachScope() {
        long before = store.revision();
        store.put(new ScopeLimits(TENANT, RiskScope.TENANT, null, limits(RiskLimitsJsonTest.FULL), "admin-1", T));
        store.put(new ScopeLimits(TENANT, RiskScope.ACCOUNT, ACCOUNT, limits("{\"max_quantity\": 5}"), "admin-1", T));
        store.put(new ScopeLimits(TENANT, RiskScope.API_KEY, KEY, limits("{\"markets\": [\"US\"]}"), "admin-2", T.plusSeconds(1)));
        store.put(new ScopeLimits("tenant-b", RiskScope.ACCOUNT, ACCOUNT, limits("{\"max_quantity\": 7}"), "admin-b", T));
        assertEquals(before + 4, store.revision());

        ScopeLimits tenantWide = store.limits(TENANT, RiskScope.TENANT, null).orElseThrow();
        assertEquals(limits(RiskLimitsJsonTest.FULL), tenantWide.limits());
        assertEquals(T, tenantWide.updatedAt());
        assertEquals(3, store.limits(TENANT).size());
        assertEquals(4, store.allLimits().size());
        assertEquals("admin-b", store.limits("tenant-b", RiskScope.ACCOUNT, ACCOUNT).orElseThrow().updatedBy(), "same account id, other tenant");

        store.put(new ScopeLimits(TENANT, RiskScope.ACCOUNT, ACCOUNT, limits("{\"max_quantity\": 6}"), "admin-3", T.plusSeconds(5)));
        ScopeLimits replaced = store.limits(TENANT, RiskScope.ACCOUNT, ACCOUNT).orElseThrow();
        assertEquals(limits("{\"max_quantity\": 6}"), replaced.limits());
        assertEquals("admin-3", replaced.updatedBy());
        assertEquals(3, store.limits(TENANT).size());

        assertTrue(store.delete(TENANT, RiskScope.API_KEY, KEY));
        assertFalse(store.delete(TENANT, RiskScope.API_KEY, KEY));
        assertEquals(Optional.empty(), store.limits(TENANT, RiskScope.API_KEY, KEY));
        assertEquals(before + 7, store.revision());
    }

    @Test
    void engagesAndReleasesKillSwitches() {
        store.engage(new KillSwitch(TENANT, ACCOUNT, "first", "admin-1", T));
        store.engage(new KillSwitch(TENANT, ACCOUNT, "again, louder", "admin-2", T.plusSeconds(1)));
        store.engage(new KillSwitch(TENANT, null, null, "admin-1", T.plusSeconds(2)));
        assertEquals(List.of(new KillSwitch(TENANT, ACCOUNT, "again, louder", "admin-2", T.plusSeconds(1)),
                new KillSwitch(TENANT, null, null, "admin-1", T.plusSeconds(2))), store.killSwitches(TENANT));
        assertEquals(List.of(), store.killSwitches("tenant-b"));
        assertTrue(store.release(TENANT, null));
        assertFalse(store.release(TENANT, null));
        assertEquals(1, store.allKillSwitches().size());
    }

    @Test
    void theDailyCountSurvivesARestart() {
        store.put(new ScopeLimits(TENANT, RiskScope.ACCOUNT, ACCOUNT, limits("{\"daily_orders\": {\"limit\": 5}}"), "admin-1", T));
        Instant now = Instant.now();
        Pod before = new Pod(store);
        for (int i = 0; i < 3; i++) {
            before.gate.admit(BY_USER, ORDER, null, now);
        }
        before.sync.runOnce(); // what a pod writes every sync interval and at shutdown

        Pod after = new Pod(store);
        after.gate.admit(BY_USER, ORDER, null, now);
        after.gate.admit(BY_USER, ORDER, null, now);
        GatewayException e = assertThrows(GatewayException.class, () -> after.gate.admit(BY_USER, ORDER, null, now));
        assertEquals("risk limit daily_orders (account): 5 orders today reached the limit of 5 (the count restarts at 00:00 UTC)",
                e.getMessage());
        after.sync.runOnce();
        assertEquals(5L, store.dailyCounts(LocalDate.ofInstant(now, ZoneOffset.UTC))
                .get(new DailyCountKey(TENANT, RiskScope.ACCOUNT, ACCOUNT, LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay())));
    }

    @Test
    void podsAddUpTheirDailyCountsAtEachSync() {
        store.put(new ScopeLimits(TENANT, RiskScope.TENANT, null, limits("{\"daily_orders\": {\"limit\": 10}}"), "admin-1", T));
        Instant now = Instant.now();
        Pod a = new Pod(store);
        Pod b = new Pod(store);
        for (int i = 0; i < 4; i++) {
            a.gate.admit(BY_USER, ORDER, null, now);
            b.gate.admit(BY_USER, ORDER, null, now);
        }
        a.sync.runOnce();
        b.sync.runOnce();
        a.sync.runOnce(); // a now knows b's 4
        a.gate.admit(BY_USER, ORDER, null, now);
        a.gate.admit(BY_USER, ORDER, null, now);
        assertEquals(ErrorCode.RISK_REJECTED, assertThrows(GatewayException.class, () -> a.gate.admit(BY_USER, ORDER, null, now)).code());
        a.sync.runOnce();
        b.sync.runOnce();
        assertThrows(GatewayException.class, () -> b.gate.admit(BY_USER, ORDER, null, now), "b learnt a's orders too");
    }

    @Test
    void changesMadeThroughAnotherPodArriveWithTheNextSync() {
        Pod a = new Pod(store);
        assertDoesNotThrow(() -> a.gate.admit(BY_USER, ORDER, null, T));
        store.engage(new KillSwitch(TENANT, ACCOUNT, "from pod b", "admin-1", T)); // pod b's admin call
        assertDoesNotThrow(() -> a.gate.admit(BY_USER, ORDER, null, T), "not synced yet");
        a.sync.runOnce();
        assertTrue(a.gate.killSwitchEngaged(TENANT, ACCOUNT));
        store.release(TENANT, ACCOUNT);
        store.put(new ScopeLimits(TENANT, RiskScope.ACCOUNT, ACCOUNT, limits("{\"max_quantity\": 1}"), "admin-1", T));
        a.sync.runOnce();
        assertFalse(a.gate.killSwitchEngaged(TENANT, ACCOUNT));
        assertEquals("risk limit max_quantity (account): 10 exceeds 1",
                assertThrows(GatewayException.class, () -> a.gate.admit(BY_USER, ORDER, null, T)).getMessage());
    }

    @Test
    void concurrentPodsInsertingTheSameDayRowLoseNoCount() throws Exception {
        long day = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        DailyCountKey key = new DailyCountKey(TENANT, RiskScope.API_KEY, KEY, day);
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (int n = 0; n < 25; n++) {
                    store.addDailyCount(new PendingCount(key, 2), Instant.now());
                }
            });
            t.start();
            writers.add(t);
        }
        for (Thread t : writers) {
            t.join();
        }
        assertEquals(200L, store.dailyCounts(LocalDate.ofEpochDay(day)).get(key));
    }

    @Test
    void oldDailyCountsArePurged() {
        long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        store.addDailyCount(new PendingCount(new DailyCountKey(TENANT, RiskScope.TENANT, null, today - 30), 3), Instant.now());
        store.addDailyCount(new PendingCount(new DailyCountKey(TENANT, RiskScope.TENANT, null, today), 4), Instant.now());
        assertEquals(1, store.purgeDailyCounts(LocalDate.ofEpochDay(today - 7)));
        assertEquals(Map.of(new DailyCountKey(TENANT, RiskScope.TENANT, null, today), 4L),
                store.dailyCounts(LocalDate.ofEpochDay(today - 60)));
    }

    /** One trade-service pod's risk state over the shared store, as RiskSync starts it. */
    static final class Pod {
        final RiskBook book = new RiskBook();
        final RiskGate gate = new RiskGate(book);
        final RiskSync sync;

        Pod(RiskStore store) {
            sync = new RiskSync(store, book, new RiskSettings() {
                @Override
                public Duration syncInterval() {
                    return Duration.ofSeconds(2);
                }

                @Override
                public Duration dailyCountRetention() {
                    return Duration.of(7, ChronoUnit.DAYS);
                }
            });
            sync.runOnce();
        }
    }
}

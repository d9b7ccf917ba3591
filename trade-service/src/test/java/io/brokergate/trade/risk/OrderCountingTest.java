package io.brokergate.trade.risk;

import static io.brokergate.trade.risk.RiskFixtures.ACCOUNT;
import static io.brokergate.trade.risk.RiskFixtures.BY_KEY;
import static io.brokergate.trade.risk.RiskFixtures.BY_USER;
import static io.brokergate.trade.risk.RiskFixtures.KEY;
import static io.brokergate.trade.risk.RiskFixtures.TENANT;
import static io.brokergate.trade.risk.RiskFixtures.account;
import static io.brokergate.trade.risk.RiskFixtures.apiKey;
import static io.brokergate.trade.risk.RiskFixtures.gate;
import static io.brokergate.trade.risk.RiskFixtures.limit;
import static io.brokergate.trade.risk.RiskFixtures.tenantWide;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Order rate and daily count, driven by an explicit clock. */
class OrderCountingTest {

    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private static final OrderRequest ORDER = limit("700.HK", "100", "300");

    @Test
    void theRateWindowSlidesAndTheRefusalSaysHowLongToWait() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"order_rate\": {\"limit\": 3, \"window_seconds\": 1}}"));
        g.admit(BY_USER, ORDER, T0);
        g.admit(BY_USER, ORDER, T0.plusMillis(100));
        g.admit(BY_USER, ORDER, T0.plusMillis(200));
        GatewayException e = rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusMillis(300)));
        assertEquals(Duration.ofMillis(700), e.retryAfter());
        assertEquals("risk limit order_rate (account): 3 orders per 1 s reached; retry in 700 ms", e.getMessage());
        // the first order leaves the window at T0 + 1 s exactly; the second one 100 ms later
        g.admit(BY_USER, ORDER, T0.plusMillis(1000));
        assertEquals(Duration.ofMillis(100), rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusMillis(1000))).retryAfter());
        g.admit(BY_USER, ORDER, T0.plusMillis(1100));
        g.admit(BY_USER, ORDER, T0.plusMillis(1200));
        rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusMillis(1999)));
    }

    @Test
    void aRefusedOrderTakesNoSlot() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"order_rate\": {\"limit\": 2, \"window_seconds\": 10}}"));
        g.admit(BY_USER, ORDER, T0);
        g.admit(BY_USER, ORDER, T0);
        for (int i = 0; i < 5; i++) {
            rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusSeconds(1)));
        }
        assertDoesNotThrow(() -> g.admit(BY_USER, ORDER, T0.plusSeconds(10)));
    }

    @Test
    void aClockThatStepsBackNeverAsksForMoreThanTheWindow() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"order_rate\": {\"limit\": 1, \"window_seconds\": 2}}"));
        g.admit(BY_USER, ORDER, T0);
        assertEquals(Duration.ofSeconds(2), rateLimited(() -> g.admit(BY_USER, ORDER, T0.minusSeconds(30))).retryAfter());
    }

    @Test
    void theLongestWaitOfTheScopesIsReported() {
        RiskFixtures.Gate g = gate(tenantWide("{\"order_rate\": {\"limit\": 2, \"window_seconds\": 60}}"),
                apiKey(KEY, "{\"order_rate\": {\"limit\": 1, \"window_seconds\": 1}}"));
        g.admit(BY_KEY, ORDER, T0);
        g.admit(BY_USER, ORDER, T0.plusMillis(500));
        GatewayException e = rateLimited(() -> g.admit(BY_KEY, ORDER, T0.plusMillis(600)));
        assertEquals(Duration.ofMillis(59_400), e.retryAfter(), e.getMessage());
        assertEquals("risk limit order_rate (tenant): 2 orders per 60 s reached; retry in 59400 ms", e.getMessage());
    }

    @Test
    void anOrderRefusedByOneScopeIsNotCountedByAnother() {
        RiskFixtures.Gate g = gate(tenantWide("{\"order_rate\": {\"limit\": 2, \"window_seconds\": 60}}"),
                apiKey(KEY, "{\"daily_orders\": {\"limit\": 1}}"));
        g.admit(BY_KEY, ORDER, T0);
        rejected(() -> g.admit(BY_KEY, ORDER, T0.plusSeconds(1)), "risk limit daily_orders (api_key): 1 orders today reached the limit of 1"
                + " (the count restarts at 00:00 UTC)");
        // the refused order took no tenant slot: one more fits
        g.admit(BY_USER, ORDER, T0.plusSeconds(2));
        rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusSeconds(3)));
    }

    @Test
    void theDailyCountRollsOverAtMidnightInTheLimitsZone() {
        // 15:59:59Z is 23:59:59 in Hong Kong and 10:59:59 in New York
        Instant beforeHkMidnight = Instant.parse("2026-11-20T15:59:59Z");
        RiskFixtures.Gate hk = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 2, \"time_zone\": \"Asia/Hong_Kong\"}}"));
        RiskFixtures.Gate ny = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 2, \"time_zone\": \"America/New_York\"}}"));
        for (RiskFixtures.Gate g : List.of(hk, ny)) {
            g.admit(BY_USER, ORDER, beforeHkMidnight.minusSeconds(3600));
            g.admit(BY_USER, ORDER, beforeHkMidnight);
            GatewayException e = rejected(() -> g.admit(BY_USER, ORDER, beforeHkMidnight), null);
            assertNull(e.retryAfter());
        }
        Instant afterHkMidnight = beforeHkMidnight.plusSeconds(1);
        hk.admit(BY_USER, ORDER, afterHkMidnight);
        hk.admit(BY_USER, ORDER, afterHkMidnight);
        rejected(() -> hk.admit(BY_USER, ORDER, afterHkMidnight),
                "risk limit daily_orders (account): 2 orders today reached the limit of 2 (the count restarts at 00:00 Asia/Hong_Kong)");
        rejected(() -> ny.admit(BY_USER, ORDER, afterHkMidnight), null);
        // New York's midnight is 05:00Z the next day (EST, UTC-5)
        ny.admit(BY_USER, ORDER, Instant.parse("2026-11-21T05:00:00Z"));
    }

    @Test
    void theDailyCountFollowsDaylightSavingTime() {
        // New York: EDT (UTC-4) until 2026-11-01 02:00 local, EST (UTC-5) after
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 1, \"time_zone\": \"America/New_York\"}}"));
        g.admit(BY_USER, ORDER, Instant.parse("2026-10-31T03:59:59Z")); // Oct 30, 23:59:59 EDT
        g.admit(BY_USER, ORDER, Instant.parse("2026-10-31T04:00:00Z")); // Oct 31, 00:00 EDT (still Oct 30 at UTC-5)
        g.admit(BY_USER, ORDER, Instant.parse("2026-11-01T12:00:00Z")); // Nov 1, 07:00 EST
        rejected(() -> g.admit(BY_USER, ORDER, Instant.parse("2026-11-02T04:30:00Z")), null); // Nov 1, 23:30 EST (Nov 2 at UTC-4)
        g.admit(BY_USER, ORDER, Instant.parse("2026-11-02T05:00:00Z")); // Nov 2, 00:00 EST
    }

    @Test
    void aLateOrderFromBeforeMidnightDoesNotResetTheNewDay() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 2, \"time_zone\": \"Asia/Hong_Kong\"}}"));
        Instant midnight = Instant.parse("2026-11-20T16:00:00Z"); // 00:00 in Hong Kong
        g.admit(BY_USER, ORDER, midnight);
        g.admit(BY_USER, ORDER, midnight);
        // read the clock at 23:59:59.999 but arrived after the new day had started: counted in the new day, which is full
        rejected(() -> g.admit(BY_USER, ORDER, midnight.minusMillis(1)), null);
        rejected(() -> g.admit(BY_USER, ORDER, midnight.plusSeconds(1)), null);
    }

    @Test
    void eachScopeCountsItsOwnOrders() {
        RiskFixtures.Gate g = gate(tenantWide("{\"daily_orders\": {\"limit\": 3}}"), account(ACCOUNT, "{\"daily_orders\": {\"limit\": 2}}"));
        RiskSubject other = new RiskSubject(TENANT, "acc-a2", null);
        g.admit(BY_USER, ORDER, T0);
        g.admit(BY_USER, ORDER, T0);
        rejected(() -> g.admit(BY_USER, ORDER, T0), "risk limit daily_orders (account): 2 orders today reached the limit of 2"
                + " (the count restarts at 00:00 UTC)");
        g.admit(other, ORDER, T0);
        rejected(() -> g.admit(other, ORDER, T0), "risk limit daily_orders (tenant): 3 orders today reached the limit of 3"
                + " (the count restarts at 00:00 UTC)");
    }

    @Test
    void changingTheRateKeepsTheRecentOrders() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"order_rate\": {\"limit\": 5, \"window_seconds\": 10}}"));
        for (int i = 0; i < 4; i++) {
            g.admit(BY_USER, ORDER, T0.plusSeconds(i));
        }
        g.book().replace(List.of(account(ACCOUNT, "{\"order_rate\": {\"limit\": 2, \"window_seconds\": 10}}")), List.of());
        // the two most recent (T0+2, T0+3) are kept: the next slot frees at T0+12
        assertEquals(Duration.ofSeconds(8), rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusSeconds(4))).retryAfter());
        g.book().replace(List.of(account(ACCOUNT, "{\"order_rate\": {\"limit\": 3, \"window_seconds\": 10}}")), List.of());
        g.admit(BY_USER, ORDER, T0.plusSeconds(4));
        rateLimited(() -> g.admit(BY_USER, ORDER, T0.plusSeconds(5)));
    }

    @Test
    void aDayCountedInMemoryIsHandedToTheWriterWithItsDay() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 10, \"time_zone\": \"Asia/Hong_Kong\"}}"));
        g.admit(BY_USER, ORDER, Instant.parse("2026-11-20T15:00:00Z"));
        g.admit(BY_USER, ORDER, Instant.parse("2026-11-20T15:30:00Z"));
        g.admit(BY_USER, ORDER, Instant.parse("2026-11-20T16:30:00Z")); // next day in Hong Kong
        List<PendingCount> pending = g.book().drainDailyCounts();
        long nov20 = LocalDate.parse("2026-11-20").toEpochDay();
        assertEquals(List.of(new PendingCount(new DailyCountKey(TENANT, RiskScope.ACCOUNT, ACCOUNT, nov20), 2),
                new PendingCount(new DailyCountKey(TENANT, RiskScope.ACCOUNT, ACCOUNT, nov20 + 1), 1)), pending);
        assertEquals(List.of(), g.book().drainDailyCounts());
    }

    @Test
    void otherPodsCountsRaiseThisPodsCount() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 5}}"));
        long day = LocalDate.parse("2026-11-20").toEpochDay();
        DailyCountKey key = new DailyCountKey(TENANT, RiskScope.ACCOUNT, ACCOUNT, day);
        g.book().mergeDailyCounts(Map.of(key, 3L)); // written before this pod's first order of the day
        g.admit(BY_USER, ORDER, T0);
        g.book().drainDailyCounts(); // this pod's 1 is written: the database now says 4, then another pod adds 1
        g.book().mergeDailyCounts(Map.of(key, 5L));
        rejected(() -> g.admit(BY_USER, ORDER, T0), "risk limit daily_orders (account): 5 orders today reached the limit of 5"
                + " (the count restarts at 00:00 UTC)");
    }

    private static GatewayException rateLimited(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertEquals(ErrorCode.RATE_LIMITED, e.code(), e.getMessage());
        return e;
    }

    private static GatewayException rejected(Executable call, String detail) {
        GatewayException e = RiskGateRulesTest.rejected(call);
        if (detail != null) {
            assertEquals(detail, e.getMessage());
        }
        return e;
    }
}

package io.brokergate.trade.risk;

import static io.brokergate.trade.risk.RiskFixtures.ACCOUNT;
import static io.brokergate.trade.risk.RiskFixtures.KEY;
import static io.brokergate.trade.risk.RiskFixtures.TENANT;
import static io.brokergate.trade.risk.RiskFixtures.account;
import static io.brokergate.trade.risk.RiskFixtures.apiKey;
import static io.brokergate.trade.risk.RiskFixtures.gate;
import static io.brokergate.trade.risk.RiskFixtures.limit;
import static io.brokergate.trade.risk.RiskFixtures.tenantWide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Many threads racing for the last slots: exactly the limit gets through, never one more. */
class RiskConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ORDERS_PER_THREAD = 5_000;
    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final OrderRequest ORDER = limit("700.HK", "1", "1");

    @RepeatedTest(5)
    void exactlyTheDailyLimitIsAdmitted() throws Exception {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"daily_orders\": {\"limit\": 60000}}"));
        Outcome o = race(g, i -> new RiskSubject(TENANT, ACCOUNT, null));
        assertEquals(60_000, o.admitted());
        assertEquals(THREADS * ORDERS_PER_THREAD - 60_000, o.riskRejected());
    }

    @RepeatedTest(5)
    void exactlyTheRateLimitIsAdmittedWithinOneWindow() throws Exception {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"order_rate\": {\"limit\": 7777, \"window_seconds\": 60}}"));
        Outcome o = race(g, i -> new RiskSubject(TENANT, ACCOUNT, null));
        assertEquals(7777, o.admitted());
        assertEquals(THREADS * ORDERS_PER_THREAD - 7777, o.rateLimited());
    }

    @Test
    void overlappingScopesCountEveryAdmittedOrderInEachOfItsScopes() throws Exception {
        // 16 threads: the even ones trade acc-a1 (every fourth of them with the key), the odd ones acc-a2
        RiskFixtures.Gate g = gate(tenantWide("{\"daily_orders\": {\"limit\": 30000}}"),
                account("acc-a2", "{\"daily_orders\": {\"limit\": 30000}, \"order_rate\": {\"limit\": 10000, \"window_seconds\": 60}}"),
                apiKey(KEY, "{\"daily_orders\": {\"limit\": 6000}}"));
        Outcome o = race(g, i -> new RiskSubject(TENANT, i % 2 == 0 ? ACCOUNT : "acc-a2", i % 4 == 0 ? KEY : null));
        assertEquals(30_000, o.admitted(), "the tenant's limit binds last and exactly");
        int byKey = o.admittedBy(0) + o.admittedBy(4) + o.admittedBy(8) + o.admittedBy(12);
        int byA2 = IntStream.range(0, THREADS).filter(i -> i % 2 == 1).map(o::admittedBy).sum();
        assertTrue(byKey <= 6000, "key admitted " + byKey);
        assertTrue(byA2 <= 10_000, "acc-a2 admitted " + byA2);
        Map<RiskScope, Long> counted = g.book().drainDailyCounts().stream()
                .collect(Collectors.groupingBy(p -> p.key().scope(), Collectors.summingLong(PendingCount::orders)));
        assertEquals(Map.of(RiskScope.TENANT, 30_000L, RiskScope.ACCOUNT, (long) byA2, RiskScope.API_KEY, (long) byKey), counted);
    }

    private record Outcome(int admitted, int riskRejected, int rateLimited, AtomicIntegerArray perThread) {
        int admittedBy(int thread) {
            return perThread.get(thread);
        }
    }

    private static Outcome race(RiskFixtures.Gate g, IntFunction<RiskSubject> subjectOfThread) throws Exception {
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicIntegerArray perThread = new AtomicIntegerArray(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                RiskSubject subject = subjectOfThread.apply(t);
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ORDERS_PER_THREAD; i++) {
                        try {
                            g.admit(subject, ORDER, NOW);
                            admitted.incrementAndGet();
                            perThread.incrementAndGet(thread);
                        } catch (GatewayException e) {
                            (e.code() == ErrorCode.RATE_LIMITED ? limited : rejected).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(admitted.get(), rejected.get(), limited.get(), perThread);
    }
}

package io.brokergate.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundGovernorTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static OutboundLimits quoteLimit(OutboundLimit.Overflow overflow) {
        return OutboundLimits.of(new OutboundLimit(OutboundCategory.QUOTE, 10, Duration.ofSeconds(1), Duration.ZERO, 5, overflow));
    }

    @Test
    void theEleventhCallInOneSecondWaitsInsteadOfFailing() {
        OutboundGovernor governor = new OutboundGovernor(quoteLimit(OutboundLimit.Overflow.QUEUE), timer);
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            int n = i;
            results.add(governor.submit(OutboundCategory.QUOTE, () -> {
                starts.add(System.nanoTime());
                return CompletableFuture.completedFuture(n);
            }).toCompletableFuture());
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS).join();
        for (int i = 0; i < 11; i++) {
            assertEquals(i, results.get(i).join(), "calls complete in submission order with their own result");
        }
        long firstToEleventh = starts.get(10) - starts.get(0);
        assertTrue(firstToEleventh >= Duration.ofSeconds(1).toNanos(),
                "11th call started " + Duration.ofNanos(firstToEleventh).toMillis() + " ms after the first");
    }

    @Test
    void noMoreThanFiveCallsAreInFlight() {
        OutboundGovernor governor = new OutboundGovernor(quoteLimit(OutboundLimit.Overflow.QUEUE), timer);
        List<CompletableFuture<String>> pending = new CopyOnWriteArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(governor.submit(OutboundCategory.QUOTE, () -> {
                CompletableFuture<String> f = new CompletableFuture<>();
                pending.add(f);
                return f;
            }).toCompletableFuture());
        }
        assertEquals(5, pending.size());
        assertEquals(2, governor.queued(OutboundCategory.QUOTE));
        pending.get(0).complete("done");
        assertEquals(6, pending.size(), "a completion lets the next waiting call start");
        assertEquals("done", results.get(0).join());
    }

    @Test
    void rejectModeFailsFastWithRetryAfter() {
        OutboundLimits limits = OutboundLimits.of(new OutboundLimit(OutboundCategory.PLACE_ORDER, 2, Duration.ofSeconds(30),
                Duration.ZERO, 0, OutboundLimit.Overflow.REJECT));
        OutboundGovernor governor = new OutboundGovernor(limits, timer);
        governor.submit(OutboundCategory.PLACE_ORDER, () -> CompletableFuture.completedFuture(1)).toCompletableFuture().join();
        governor.submit(OutboundCategory.PLACE_ORDER, () -> CompletableFuture.completedFuture(2)).toCompletableFuture().join();
        CompletableFuture<Integer> third = governor.submit(OutboundCategory.PLACE_ORDER,
                () -> CompletableFuture.completedFuture(3)).toCompletableFuture();
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, third::join);
        GatewayException ge = assertInstanceOf(GatewayException.class, e.getCause());
        assertEquals(ErrorCode.RATE_LIMITED, ge.code());
        assertTrue(ge.retryAfter().toSeconds() > 25);
    }

    @Test
    void startsAreSpacedByTheMinimumInterval() {
        OutboundLimits limits = OutboundLimits.of(new OutboundLimit(OutboundCategory.TRADE, 30, Duration.ofSeconds(30),
                Duration.ofMillis(20), 0, OutboundLimit.Overflow.QUEUE));
        OutboundGovernor governor = new OutboundGovernor(limits, timer);
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(governor.submit(OutboundCategory.TRADE, () -> {
                starts.add(System.nanoTime());
                return CompletableFuture.completedFuture(null);
            }).toCompletableFuture());
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS).join();
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - 1) >= Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void aThrowingCallFailsOnlyItsOwnStage() {
        OutboundGovernor governor = new OutboundGovernor(quoteLimit(OutboundLimit.Overflow.QUEUE), timer);
        CompletableFuture<Object> bad = governor.submit(OutboundCategory.QUOTE, () -> {
            throw new IllegalStateException("boom");
        }).toCompletableFuture();
        CompletableFuture<Integer> good = governor.submit(OutboundCategory.QUOTE,
                () -> CompletableFuture.completedFuture(7)).toCompletableFuture();
        assertTrue(bad.isCompletedExceptionally());
        assertEquals(7, good.join());
    }
}

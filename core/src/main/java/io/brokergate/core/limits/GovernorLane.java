package io.brokergate.core.limits;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One category's limit: a sliding window over the last {@code permits} start times, a minimum
 * spacing between starts and an in-flight cap. Runs calls outside its lock.
 */
final class GovernorLane {

    private final OutboundLimit limit;
    private final ScheduledExecutorService timer;
    private final OutboundGovernor.Settings settings;
    private final LongSupplier clock;
    private final long windowNanos;
    private final long spacingNanos;
    private final long[] starts;
    private int oldest;
    private int recorded;
    private long lastStart = Long.MIN_VALUE / 2;
    private int inFlight;
    private long wakeUpAt = Long.MAX_VALUE;
    private final ArrayDeque<Waiting<?>> queue = new ArrayDeque<>();

    private record Waiting<T>(Supplier<? extends CompletionStage<T>> call, CompletableFuture<T> result, long enqueuedAt) {
    }

    GovernorLane(OutboundLimit limit, ScheduledExecutorService timer, OutboundGovernor.Settings settings, LongSupplier clock) {
        this.limit = limit;
        this.timer = timer;
        this.settings = settings;
        this.clock = clock;
        long margin = settings.safetyMargin().toNanos();
        this.windowNanos = limit.window().toNanos() + margin;
        this.spacingNanos = limit.minSpacing().isZero() ? 0 : limit.minSpacing().toNanos() + margin;
        this.starts = new long[limit.permits()];
    }

    <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long now = clock.getAsLong();
        synchronized (this) {
            if (limit.overflow() == OutboundLimit.Overflow.REJECT && (!queue.isEmpty() || delayUntilStart(now) != 0)) {
                return CompletableFuture.failedFuture(rejected(now));
            }
            if (queue.size() >= settings.maxQueued()) {
                return CompletableFuture.failedFuture(new GatewayException(ErrorCode.RATE_LIMITED,
                        "too many " + label() + " calls waiting for the broker's rate limit", retryAfter(now)));
            }
            queue.add(new Waiting<>(call, result, now));
        }
        drain();
        return result;
    }

    synchronized int queued() {
        return queue.size();
    }

    private void drain() {
        List<Waiting<?>> ready = new ArrayList<>();
        List<Waiting<?>> expired = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            while (!queue.isEmpty()) {
                Waiting<?> head = queue.peek();
                if (now - head.enqueuedAt() > settings.maxWait().toNanos()) {
                    expired.add(queue.poll());
                    continue;
                }
                long delay = delayUntilStart(now);
                if (delay != 0) {
                    scheduleWakeUp(now, delay);
                    break;
                }
                queue.poll();
                recordStart(now);
                ready.add(head);
            }
        }
        for (Waiting<?> w : expired) {
            w.result().completeExceptionally(new GatewayException(ErrorCode.RATE_LIMITED,
                    label() + " call waited longer than " + settings.maxWait().toSeconds() + " s for the broker's rate limit",
                    limit.window()));
        }
        for (Waiting<?> w : ready) {
            start(w);
        }
    }

    private <T> void start(Waiting<T> w) {
        OutboundGovernor.invoke(w.call()).whenComplete((value, error) -> {
            synchronized (this) {
                inFlight--;
            }
            if (error != null) {
                w.result().completeExceptionally(error);
            } else {
                w.result().complete(value);
            }
            drain();
        });
    }

    /** 0 when a call may start now, -1 when it must wait for an in-flight call, else nanos to wait. */
    private long delayUntilStart(long now) {
        if (limit.maxInFlight() > 0 && inFlight >= limit.maxInFlight()) {
            return -1;
        }
        long wait = 0;
        if (recorded == starts.length) {
            wait = Math.max(wait, starts[oldest] + windowNanos - now);
        }
        if (spacingNanos > 0) {
            wait = Math.max(wait, lastStart + spacingNanos - now);
        }
        return wait <= 0 ? 0 : wait;
    }

    private void recordStart(long now) {
        inFlight++;
        lastStart = now;
        if (recorded < starts.length) {
            starts[(oldest + recorded) % starts.length] = now;
            recorded++;
        } else {
            starts[oldest] = now;
            oldest = (oldest + 1) % starts.length;
        }
    }

    private void scheduleWakeUp(long now, long delay) {
        if (delay < 0) {
            return; // an in-flight call's completion drains again
        }
        long at = now + delay;
        if (at >= wakeUpAt && wakeUpAt > now) {
            return;
        }
        wakeUpAt = at;
        timer.schedule(() -> {
            synchronized (this) {
                wakeUpAt = Long.MAX_VALUE;
            }
            drain();
        }, delay, TimeUnit.NANOSECONDS);
    }

    private GatewayException rejected(long now) {
        return new GatewayException(ErrorCode.RATE_LIMITED,
                "broker limit for " + label() + " calls reached (" + limit.permits() + " per "
                        + limit.window().toMillis() + " ms)", retryAfter(now));
    }

    private Duration retryAfter(long now) {
        long d = delayUntilStart(now);
        return d > 0 ? Duration.ofNanos(d) : limit.window();
    }

    private String label() {
        return limit.category().name().toLowerCase(java.util.Locale.ROOT);
    }
}

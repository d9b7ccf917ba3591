package io.brokergate.core.limits;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps one broker account's outbound calls inside the broker's declared limits. Calls in a
 * category with a {@link OutboundLimit.Overflow#QUEUE} limit wait for a slot (FIFO), so a burst is
 * spread out instead of earning the broker's rate-limit error; {@code REJECT} limits fail fast with
 * {@code rate_limited} and a retry-after. Categories without a limit pass straight through.
 * Never blocks the calling thread.
 */
public final class OutboundGovernor {

    /** Settings shared by all lanes of a governor. */
    public record Settings(int maxQueued, Duration maxWait, Duration safetyMargin) {
        /** 1,000 waiting calls, 30 s at most in the queue, 5 ms margin for clock and network jitter. */
        public static final Settings DEFAULT = new Settings(1000, Duration.ofSeconds(30), Duration.ofMillis(5));
    }

    private final Map<OutboundCategory, GovernorLane> lanes = new EnumMap<>(OutboundCategory.class);

    public OutboundGovernor(OutboundLimits limits, ScheduledExecutorService timer) {
        this(limits, timer, Settings.DEFAULT, System::nanoTime);
    }

    public OutboundGovernor(OutboundLimits limits, ScheduledExecutorService timer, Settings settings, LongSupplier nanoClock) {
        for (OutboundLimit limit : limits.all()) {
            lanes.put(limit.category(), new GovernorLane(limit, timer, settings, nanoClock));
        }
    }

    /**
     * Runs {@code call} when the category's limit allows it. The returned stage completes with the
     * call's outcome, or fails with {@code rate_limited} when the limit rejects or the queue is full.
     */
    public <T> CompletionStage<T> submit(OutboundCategory category, Supplier<? extends CompletionStage<T>> call) {
        GovernorLane lane = lanes.get(category);
        if (lane == null) {
            return invoke(call);
        }
        return lane.submit(call);
    }

    /** Calls waiting for a slot in a category (a metric: fan-out of a burst). */
    public int queued(OutboundCategory category) {
        GovernorLane lane = lanes.get(category);
        return lane == null ? 0 : lane.queued();
    }

    static <T> CompletionStage<T> invoke(Supplier<? extends CompletionStage<T>> call) {
        try {
            CompletionStage<T> stage = call.get();
            return stage != null ? stage : CompletableFuture.failedFuture(
                    new GatewayException(ErrorCode.INTERNAL, "outbound call returned no result"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

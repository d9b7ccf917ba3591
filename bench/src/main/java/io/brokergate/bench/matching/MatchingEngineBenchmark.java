package io.brokergate.bench.matching;

import io.brokergate.core.order.Side;
import io.brokergate.sim.matching.BookOrder;
import io.brokergate.sim.matching.MatchListener;
import io.brokergate.sim.matching.MatchingEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paper exchange's matching engine on one thread, orders per second. The book is pre-filled
 * with 10,000 resting orders on 100 price levels per side so matching walks a realistic book.
 * Prices are 1e-4 fixed point (388.2 = 3_882_000).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingEngineBenchmark {

    private static final int INSTRUMENT = 0;
    private static final long MID = 3_882_000L;
    private static final long TICK = 2_000L;

    private MatchingEngine engine;
    private long nextId;
    private long step;

    @Setup(Level.Iteration)
    public void fillBook() {
        engine = new MatchingEngine(1, MatchListener.NONE);
        nextId = 1;
        for (int level = 1; level <= 100; level++) {
            for (int i = 0; i < 50; i++) {
                engine.submit(BookOrder.limit(nextId++, INSTRUMENT, Side.SELL, 100, MID + level * TICK));
                engine.submit(BookOrder.limit(nextId++, INSTRUMENT, Side.BUY, 100, MID - level * TICK));
            }
        }
    }

    /** A resting sell at the touch and a buy that takes it: two orders, one trade. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void restThenCross() {
        engine.submit(BookOrder.limit(nextId++, INSTRUMENT, Side.SELL, 100, MID));
        engine.submit(BookOrder.limit(nextId++, INSTRUMENT, Side.BUY, 100, MID));
    }

    /** Place away from the market and cancel it again: two orders touching the book. */
    @Benchmark
    @OperationsPerInvocation(2)
    public boolean placeThenCancel() {
        long level = 1 + (step++ % 100);
        BookOrder o = BookOrder.limit(nextId++, INSTRUMENT, Side.BUY, 100, MID - level * TICK);
        engine.submit(o);
        return engine.cancel(o);
    }

    /** A buy sweeping three ask levels, followed by sells that refill them. */
    @Benchmark
    @OperationsPerInvocation(151)
    public void sweepAndRefill() {
        engine.submit(BookOrder.limit(nextId++, INSTRUMENT, Side.BUY, 15_000, MID + 3 * TICK));
        for (int level = 1; level <= 3; level++) {
            for (int i = 0; i < 50; i++) {
                engine.submit(BookOrder.limit(nextId++, INSTRUMENT, Side.SELL, 100, MID + level * TICK));
            }
        }
    }
}

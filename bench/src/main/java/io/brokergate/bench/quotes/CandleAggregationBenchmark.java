package io.brokergate.bench.quotes;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.candles.CandleAggregator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * core's {@link CandleAggregator}, as quote-service uses it for every history answer: 10,000
 * one-minute bars into 5-minute, hourly and daily bars, and 10,000 trades into minute bars (the live
 * path). One operation = one whole 10,000-element input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CandleAggregationBenchmark {

    static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    static final int N = 10_000;

    private final List<Bar> minutes = new ArrayList<>(N);
    private final List<TradeTick> trades = new ArrayList<>(N);

    @Setup
    public void generate() {
        Random random = new Random(42);
        Instant t = Instant.parse("2026-03-02T01:30:00Z");
        BigDecimal price = new BigDecimal("640.0");
        BigDecimal tick = new BigDecimal("0.5");
        for (int i = 0; i < N; i++) {
            BigDecimal next = price.add(tick.multiply(BigDecimal.valueOf(random.nextInt(5) - 2))).max(tick);
            minutes.add(new Bar(TENCENT, BarPeriod.MIN_1, t.plusSeconds(60L * i), price, price.max(next).add(tick),
                    price.min(next).subtract(tick).max(tick), next, 100L * (1 + random.nextInt(50)), null));
            trades.add(new TradeTick(TENCENT, next, BigDecimal.valueOf(100L * (1 + random.nextInt(5))),
                    t.plusMillis(6_000L * i), TradeTick.Aggressor.UNKNOWN, SessionType.REGULAR));
            price = next;
        }
    }

    @Benchmark
    public List<Bar> minutesToFiveMinuteBars() {
        return CandleAggregator.aggregate(TENCENT, BarPeriod.MIN_5, minutes);
    }

    @Benchmark
    public List<Bar> minutesToHourBars() {
        return CandleAggregator.aggregate(TENCENT, BarPeriod.MIN_60, minutes);
    }

    @Benchmark
    public List<Bar> minutesToDayBars() {
        return CandleAggregator.aggregate(TENCENT, BarPeriod.DAY, minutes);
    }

    @Benchmark
    public int tradesToMinuteBars() {
        CandleAggregator a = new CandleAggregator(TENCENT, BarPeriod.MIN_1);
        int closed = 0;
        for (TradeTick trade : trades) {
            if (a.add(trade).isPresent()) {
                closed++;
            }
        }
        return closed;
    }
}

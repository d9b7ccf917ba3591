package io.brokergate.bench.longport;

import io.brokergate.longport.rest.LongPortSigner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** LongPort HMAC-SHA256 request signing (every REST call) and server-side verification (sim-exchange). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignerBenchmark {

    private final byte[] body = ("{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"100\","
            + "\"time_in_force\":\"Day\",\"submitted_price\":\"50\",\"expire_date\":null}").getBytes(StandardCharsets.UTF_8);
    private final String signature = LongPortSigner.sign("POST", "/v1/trade/order", "", "tok", "key", "1700000000", body, "secret");

    @Benchmark
    public String signPostOrder() {
        return LongPortSigner.sign("POST", "/v1/trade/order", "", "tok", "key", "1700000000", body, "secret");
    }

    @Benchmark
    public String signGetWithQuery() {
        return LongPortSigner.sign("GET", "/v1/asset/stock", "symbol=700.HK&symbol=AAPL.US", "tok", "key", "1700000000", null, "secret");
    }

    @Benchmark
    public boolean verifyPostOrder() {
        return LongPortSigner.verify(signature, "POST", "/v1/trade/order", "", "tok", "key", "1700000000", body, "secret").valid();
    }
}

package io.brokergate.bench.longport;

import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.TradeSession;
import io.brokergate.longport.proto.TradeStatus;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.PacketCodec;
import io.brokergate.longport.wire.Packets;
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
 * LongPort push packets (cmd 101, a realistic quote delta) through the v1 codec: framing only, and
 * framing plus protobuf parsing of the body. Budget (ARCHITECTURE §8): ≥ 5 million decodes/s/core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PacketCodecBenchmark {

    private byte[] frame;
    private byte[] gzipFrame;
    private Packet.Push push;

    @Setup
    public void setUp() {
        PushQuote quote = PushQuote.newBuilder()
                .setSymbol("700.HK").setSequence(123_456_789L).setLastDone("388.2").setOpen("380.0")
                .setHigh("390.4").setLow("379.8").setTimestamp(1_763_700_000L).setVolume(12_345_600L)
                .setTurnover("4789012345.600").setTradeStatus(TradeStatus.forNumber(0))
                .setTradeSession(TradeSession.forNumber(0)).setCurrentVolume(400).setCurrentTurnover("155280.000")
                .build();
        push = Packets.push(101, quote);
        frame = PacketCodec.encode(push);
        gzipFrame = PacketCodec.encode(push, true);
    }

    @Benchmark
    public Packet decodeFrame() {
        return PacketCodec.decode(frame);
    }

    @Benchmark
    public PushQuote decodeFrameAndBody() throws Exception {
        return PushQuote.parseFrom(PacketCodec.decode(frame).body());
    }

    @Benchmark
    public Packet decodeGzipFrame() {
        return PacketCodec.decode(gzipFrame);
    }

    @Benchmark
    public byte[] encodeFrame() {
        return PacketCodec.encode(push);
    }
}

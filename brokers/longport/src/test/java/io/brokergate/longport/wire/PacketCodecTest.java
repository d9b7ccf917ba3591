package io.brokergate.longport.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.SecurityRequest;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketCodecTest {

    private static final byte[] BODY = "hello longport body".repeat(100).getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> packets() {
        List<Packet> packets = List.of(
                new Packet.Request(11, 1, 30_000, BODY),
                new Packet.Request(2, 0xFFFF_FFFFL, 60_000, new byte[0]),
                new Packet.Response(11, 0x8000_0001L, 0, BODY),
                new Packet.Response(6, 7, 3, new byte[] {8, 1}),
                new Packet.Push(101, BODY),
                new Packet.Push(0, new byte[0]));
        return packets.stream().flatMap(p -> Stream.of(Arguments.of(p, false), Arguments.of(p, true)));
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("packets")
    void roundTripsThroughEveryInputForm(Packet packet, boolean gzip) {
        byte[] frame = PacketCodec.encode(packet, gzip);
        assertEquals(gzip, (frame[0] & PacketCodec.FLAG_GZIP) != 0);

        assertEquals(packet, PacketCodec.decode(frame));
        assertEquals(packet, PacketCodec.decode(ByteBuffer.wrap(frame)));
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length + 3);
        direct.put(new byte[] {9, 9, 9}).put(frame).flip().position(3);
        assertEquals(packet, PacketCodec.decode(direct));
        assertEquals(packet, PacketCodec.decode(Buffer.buffer(frame)));
        assertEquals(packet, PacketCodec.decode(PacketCodec.encodeBuffer(packet, gzip)));

        byte[] padded = new byte[frame.length + 10];
        System.arraycopy(frame, 0, padded, 5, frame.length);
        assertEquals(packet, PacketCodec.decode(padded, 5, frame.length));
    }

    @Test
    void gzipBodyLengthIsTheCompressedLength() {
        byte[] frame = PacketCodec.encode(new Packet.Push(101, BODY), true);
        int bodyLen = ((frame[2] & 0xFF) << 16) | ((frame[3] & 0xFF) << 8) | (frame[4] & 0xFF);
        assertEquals(frame.length - 5, bodyLen);
        assertTrue(bodyLen < BODY.length, "repetitive body should compress");
        assertEquals(0x1f, frame[5] & 0xFF, "gzip magic");
        assertEquals(0x8b, frame[6] & 0xFF, "gzip magic");
    }

    @Test
    void decodesHandBuiltRequestHeader() {
        byte[] frame = {
            0x01,                                   // type 1, no flags
            0x0B,                                   // cmd 11
            (byte) 0xFE, (byte) 0xDC, (byte) 0xBA, (byte) 0x98, // request_id u32 > 2^31
            (byte) 0xEA, 0x60,                      // timeout 60000
            0x00, 0x00, 0x03,                       // body_len 3
            'a', 'b', 'c'
        };
        Packet.Request r = assertInstanceOf(Packet.Request.class, PacketCodec.decode(frame));
        assertEquals(11, r.cmd());
        assertEquals(0xFEDC_BA98L, r.requestId());
        assertEquals(60_000, r.timeoutMs());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), r.body());
        assertArrayEquals(frame, PacketCodec.encode(r), "encoder writes the same layout");
    }

    @Test
    void decodesHandBuiltResponseHeaderWithU24Length() {
        int bodyLen = 0x01_02_03; // 66051: all three length bytes matter
        byte[] frame = new byte[10 + bodyLen];
        frame[0] = 0x02;
        frame[1] = (byte) 200;                          // cmd above 127 stays unsigned
        frame[2] = (byte) 0x80; frame[5] = 0x01;        // request_id 0x80000001
        frame[6] = 7;                                   // status: server internal error
        frame[7] = 0x01; frame[8] = 0x02; frame[9] = 0x03;
        frame[10] = 42;
        frame[frame.length - 1] = 43;
        Packet.Response r = assertInstanceOf(Packet.Response.class, PacketCodec.decode(frame));
        assertEquals(200, r.cmd());
        assertEquals(0x8000_0001L, r.requestId());
        assertEquals(ResponseStatus.SERVER_INTERNAL_ERROR, ResponseStatus.ofCode(r.status()));
        assertEquals(bodyLen, r.body().length);
        assertEquals(42, r.body()[0]);
        assertEquals(43, r.body()[bodyLen - 1]);
        assertArrayEquals(frame, PacketCodec.encode(r));
    }

    @Test
    void decodesHandBuiltPushAndSkipsVerifyTrailer() {
        byte[] frame = new byte[5 + 2 + 24];
        frame[0] = 0x03 | 0x10;       // push with verify trailer
        frame[1] = 104;
        frame[4] = 2;
        frame[5] = 'h';
        frame[6] = 'i';
        for (int i = 7; i < frame.length; i++) {
            frame[i] = (byte) 0xAA;   // nonce + signature: skipped, not part of the body
        }
        Packet.Push p = assertInstanceOf(Packet.Push.class, PacketCodec.decode(frame));
        assertEquals(104, p.cmd());
        assertArrayEquals(new byte[] {'h', 'i'}, p.body());
    }

    @Test
    void ignoresReservedBits() {
        byte[] frame = PacketCodec.encode(new Packet.Push(1, new byte[] {5}));
        frame[0] |= (byte) 0xC0;
        assertEquals(new Packet.Push(1, new byte[] {5}), PacketCodec.decode(frame));
    }

    @Test
    void encodesProtobufMessagesDirectly() {
        PushQuote quote = PushQuote.newBuilder().setSymbol("700.HK").setSequence(9).setLastDone("388.2").build();
        SecurityRequest req = SecurityRequest.newBuilder().setSymbol("AAPL.US").build();
        assertArrayEquals(PacketCodec.encode(Packets.push(101, quote)), PacketCodec.encodePush(101, quote));
        assertArrayEquals(PacketCodec.encode(Packets.request(14, 3, 30_000, req)),
                PacketCodec.encodeRequest(14, 3, 30_000, req));
        assertArrayEquals(PacketCodec.encode(new Packet.Response(14, 3, 0, req.toByteArray())),
                PacketCodec.encodeResponse(14, 3, 0, req));
    }

    @Test
    void rejectsOversizedBodyOnEncode() {
        byte[] huge = new byte[Packet.MAX_BODY_LENGTH + 1];
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> PacketCodec.encode(new Packet.Push(101, huge)));
        assertEquals(MalformedPacketException.Reason.BODY_TOO_LARGE, e.reason());
        // Also with gzip: the peer's decoder would refuse to inflate it.
        assertThrows(MalformedPacketException.class, () -> PacketCodec.encode(new Packet.Push(101, huge), true));
        byte[] max = new byte[Packet.MAX_BODY_LENGTH];
        assertEquals(max.length, PacketCodec.decode(PacketCodec.encode(new Packet.Push(101, max), true)).body().length);
        assertEquals(max.length, PacketCodec.decode(PacketCodec.encode(new Packet.Push(101, max))).body().length);
    }

    @Test
    void packetConstructorsRejectOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new Packet.Request(256, 1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Packet.Request(1, 1L << 32, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Packet.Request(1, -1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Packet.Request(1, 1, 60_001, null));
        assertThrows(IllegalArgumentException.class, () -> new Packet.Response(1, 1, 256, null));
        assertEquals(0, new Packet.Push(3, null).body().length);
    }
}

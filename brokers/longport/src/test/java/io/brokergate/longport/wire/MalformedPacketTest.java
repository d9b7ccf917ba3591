package io.brokergate.longport.wire;

import static io.brokergate.longport.wire.MalformedPacketException.Reason.BAD_GZIP;
import static io.brokergate.longport.wire.MalformedPacketException.Reason.BAD_LENGTH;
import static io.brokergate.longport.wire.MalformedPacketException.Reason.BODY_TOO_LARGE;
import static io.brokergate.longport.wire.MalformedPacketException.Reason.TIMEOUT_OUT_OF_RANGE;
import static io.brokergate.longport.wire.MalformedPacketException.Reason.TRAILING_BYTES;
import static io.brokergate.longport.wire.MalformedPacketException.Reason.TRUNCATED;
import static io.brokergate.longport.wire.MalformedPacketException.Reason.UNKNOWN_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every bad frame must end in MalformedPacketException, whatever input form it came in. */
class MalformedPacketTest {

    private static MalformedPacketException.Reason reasonOf(byte[] frame) {
        MalformedPacketException a = assertThrows(MalformedPacketException.class, () -> PacketCodec.decode(frame));
        MalformedPacketException b = assertThrows(MalformedPacketException.class,
                () -> PacketCodec.decode(Buffer.buffer(frame)));
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
        MalformedPacketException c = assertThrows(MalformedPacketException.class, () -> PacketCodec.decode(direct));
        assertEquals(a.reason(), b.reason());
        assertEquals(a.reason(), c.reason());
        return a.reason();
    }

    @Test
    void emptyAndOneByte() {
        assertEquals(TRUNCATED, reasonOf(new byte[0]));
        assertEquals(TRUNCATED, reasonOf(new byte[] {1}));
        assertEquals(TRUNCATED, reasonOf(new byte[] {2}));
        assertEquals(TRUNCATED, reasonOf(new byte[] {3}));
        assertEquals(UNKNOWN_TYPE, reasonOf(new byte[] {0}));
    }

    @Test
    void headerCutShort() {
        byte[] request = PacketCodec.encode(new Packet.Request(4, 1, 1000, new byte[0]));
        for (int n = 1; n < request.length; n++) {
            assertEquals(TRUNCATED, reasonOf(Arrays.copyOf(request, n)), "prefix of " + n);
        }
    }

    @Test
    void wrongTypeBits() {
        for (int type : new int[] {0, 4, 5, 8, 15}) {
            byte[] frame = PacketCodec.encode(new Packet.Push(1, new byte[] {1}));
            frame[0] = (byte) type;
            assertEquals(UNKNOWN_TYPE, reasonOf(frame), "type " + type);
        }
    }

    @Test
    void bodyLengthPastTheEnd() {
        byte[] frame = PacketCodec.encode(new Packet.Response(4, 1, 0, new byte[] {1, 2, 3}));
        assertEquals(BAD_LENGTH, reasonOf(Arrays.copyOf(frame, frame.length - 1)));
        frame[7] = (byte) 0xFF; // body_len 0xFF0003
        assertEquals(BAD_LENGTH, reasonOf(frame));
    }

    @Test
    void trailingBytesAfterThePacket() {
        byte[] frame = PacketCodec.encode(new Packet.Push(101, new byte[] {1}));
        assertEquals(TRAILING_BYTES, reasonOf(Arrays.copyOf(frame, frame.length + 1)));
    }

    @Test
    void timeoutAbove60s() {
        byte[] frame = PacketCodec.encode(new Packet.Request(4, 1, 60_000, new byte[0]));
        frame[6] = (byte) 0xEA;
        frame[7] = 0x61; // 60001
        assertEquals(TIMEOUT_OUT_OF_RANGE, reasonOf(frame));
        frame[6] = (byte) 0xFF;
        frame[7] = (byte) 0xFF;
        assertEquals(TIMEOUT_OUT_OF_RANGE, reasonOf(frame));
    }

    @Test
    void verifyTrailerMissingOrShort() {
        byte[] frame = PacketCodec.encode(new Packet.Push(101, new byte[] {1, 2}));
        frame[0] |= PacketCodec.FLAG_VERIFY;
        assertEquals(TRUNCATED, reasonOf(frame));
        assertEquals(TRUNCATED, reasonOf(Arrays.copyOf(frame, frame.length + 23)));
        assertEquals(new Packet.Push(101, new byte[] {1, 2}), PacketCodec.decode(Arrays.copyOf(frame, frame.length + 24)));
    }

    @Test
    void truncatedOrCorruptGzip() {
        byte[] body = "some protobuf-ish body that compresses".repeat(20).getBytes();
        byte[] frame = PacketCodec.encode(new Packet.Push(101, body), true);
        // Truncated gzip stream with a consistent body_len.
        int cut = 15;
        byte[] truncated = Arrays.copyOf(frame, frame.length - cut);
        int bodyLen = truncated.length - 5;
        truncated[2] = (byte) (bodyLen >>> 16);
        truncated[3] = (byte) (bodyLen >>> 8);
        truncated[4] = (byte) bodyLen;
        assertEquals(BAD_GZIP, reasonOf(truncated));
        // Corrupt deflate data.
        byte[] corrupt = frame.clone();
        for (int i = 15; i < corrupt.length - 8; i++) {
            corrupt[i] ^= 0x5A;
        }
        assertEquals(BAD_GZIP, reasonOf(corrupt));
        // Gzip flag on a plain body, and on an empty body.
        byte[] plain = PacketCodec.encode(new Packet.Push(101, body));
        plain[0] |= PacketCodec.FLAG_GZIP;
        assertEquals(BAD_GZIP, reasonOf(plain));
        assertEquals(BAD_GZIP, reasonOf(new byte[] {0x23, 101, 0, 0, 0}));
    }

    @Test
    void gzipBombBeyondU24() {
        byte[] zeros = new byte[Packet.MAX_BODY_LENGTH + 1];
        byte[] compressed = PacketCodec.gzip(zeros);
        byte[] frame = new byte[5 + compressed.length];
        frame[0] = 0x23;
        frame[1] = 101;
        frame[2] = (byte) (compressed.length >>> 16);
        frame[3] = (byte) (compressed.length >>> 8);
        frame[4] = (byte) compressed.length;
        System.arraycopy(compressed, 0, frame, 5, compressed.length);
        assertEquals(BODY_TOO_LARGE, reasonOf(frame));
    }

    @Test
    void randomAndMutatedInputOnlyEverThrowsMalformed() {
        Random random = new Random(20261101);
        byte[][] seeds = {
            PacketCodec.encode(new Packet.Request(6, 12, 30_000, new byte[40]), false),
            PacketCodec.encode(new Packet.Response(6, 12, 0, new byte[40]), true),
            PacketCodec.encode(new Packet.Push(101, new byte[40]), true),
        };
        for (int i = 0; i < 20_000; i++) {
            byte[] frame;
            if (i % 2 == 0) {
                frame = new byte[random.nextInt(64)];
                random.nextBytes(frame);
            } else {
                byte[] seed = seeds[random.nextInt(seeds.length)];
                frame = Arrays.copyOf(seed, Math.max(0, seed.length + random.nextInt(9) - 4));
                for (int m = random.nextInt(4); m >= 0 && frame.length > 0; m--) {
                    frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                PacketCodec.decode(frame);
            } catch (MalformedPacketException expected) {
                // the only acceptable failure
            }
        }
    }
}

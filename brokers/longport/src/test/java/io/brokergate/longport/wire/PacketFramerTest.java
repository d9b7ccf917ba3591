package io.brokergate.longport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketFramerTest {

    private final List<Packet> received = new ArrayList<>();
    private final List<Handshake> handshakes = new ArrayList<>();
    private final PacketFramer.Listener listener = new PacketFramer.Listener() {
        @Override
        public void onPacket(Packet packet) {
            received.add(packet);
        }

        @Override
        public void onHandshake(Handshake handshake) {
            handshakes.add(handshake);
        }
    };

    private static List<Packet> samplePackets(Random random) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] body = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(5000)];
            random.nextBytes(body);
            packets.add(switch (i % 3) {
                case 0 -> new Packet.Request(i, 0xFFFF_FF00L + i, 30_000, body);
                case 1 -> new Packet.Response(i, i, i % 9, body);
                default -> new Packet.Push(101 + i % 4, body);
            });
        }
        return packets;
    }

    /** Concatenates the packets as a peer would write them, some gzipped, some with a trailer. */
    private static byte[] stream(List<Packet> packets, byte[] prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        for (int i = 0; i < packets.size(); i++) {
            byte[] frame = PacketCodec.encode(packets.get(i), i % 4 == 1);
            if (i % 5 == 2) {
                frame = Arrays.copyOf(frame, frame.length + PacketCodec.VERIFY_TRAILER_LENGTH);
                frame[0] |= PacketCodec.FLAG_VERIFY;
            }
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    @Test
    void reassemblesAcrossArbitraryChunkBoundaries() {
        Random random = new Random(7);
        List<Packet> packets = samplePackets(random);
        byte[] bytes = stream(packets, new byte[0]);
        for (int round = 0; round < 30; round++) {
            received.clear();
            PacketFramer framer = PacketFramer.forClient(listener);
            int maxChunk = round == 0 ? 1 : 1 + random.nextInt(round * 600);
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(maxChunk));
                switch (round % 3) {
                    case 0 -> framer.feed(bytes, at, n);
                    case 1 -> framer.feed(Buffer.buffer(Arrays.copyOfRange(bytes, at, at + n)));
                    default -> framer.feed(ByteBuffer.allocateDirect(n).put(bytes, at, n).flip());
                }
                at += n;
            }
            assertEquals(packets, received, "round " + round);
            assertEquals(0, framer.buffered());
        }
    }

    @Test
    void wholeStreamInOneFeed() {
        List<Packet> packets = samplePackets(new Random(3));
        PacketFramer framer = PacketFramer.forClient(listener);
        framer.feed(stream(packets, new byte[0]));
        assertEquals(packets, received);
    }

    @Test
    void serverSideReadsTheHandshakeFirst() {
        List<Packet> packets = samplePackets(new Random(11));
        byte[] bytes = stream(packets, Handshake.OPENAPI_V1.toTcpBytes());
        PacketFramer framer = PacketFramer.forServer(listener);
        for (byte b : bytes) {
            framer.feed(new byte[] {b});
        }
        assertEquals(List.of(Handshake.OPENAPI_V1), handshakes);
        assertEquals(packets, received);
    }

    @Test
    void malformedStreamPoisonsTheFramer() {
        PacketFramer framer = PacketFramer.forClient(listener);
        byte[] good = PacketCodec.encode(new Packet.Push(101, new byte[] {1}));
        byte[] bad = {0x07, 1, 0, 0, 0};
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> framer.feed(both));
        assertEquals(MalformedPacketException.Reason.UNKNOWN_TYPE, e.reason());
        assertEquals(1, received.size(), "packets before the bad one are delivered");
        assertThrows(MalformedPacketException.class, () -> framer.feed(good));
    }

    @Test
    void listenerFailurePoisonsTheFramer() {
        PacketFramer framer = PacketFramer.forClient(p -> {
            throw new IllegalStateException("boom");
        });
        byte[] good = PacketCodec.encode(new Packet.Push(101, new byte[] {1}));
        assertThrows(IllegalStateException.class, () -> framer.feed(good));
        assertThrows(IllegalStateException.class, () -> framer.feed(good));
    }

    @Test
    void holdsAPartialPacketUntilComplete() {
        PacketFramer framer = PacketFramer.forClient(listener);
        byte[] frame = PacketCodec.encode(new Packet.Request(9, 5, 30_000, new byte[100_000]));
        framer.feed(frame, 0, 50_000);
        assertEquals(0, received.size());
        assertEquals(50_000, framer.buffered());
        framer.feed(frame, 50_000, frame.length - 50_000);
        assertEquals(1, received.size());
        assertEquals(100_000, received.get(0).body().length);
    }
}

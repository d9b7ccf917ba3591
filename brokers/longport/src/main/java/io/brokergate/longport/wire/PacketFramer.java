package io.brokergate.longport.wire;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;

/**
 * Splits the TCP byte stream into packets (WebSocket does not need this: one packet per
 * frame). Not thread-safe: feed it from the connection's event-loop thread.
 *
 * <p>A server-side framer first expects the 2-byte {@link Handshake}. After a
 * {@link MalformedPacketException} the stream cannot be resynchronised, so the framer stays
 * failed and every later feed throws again; close the connection. Decoded packets never refer
 * to the fed arrays, which the caller may reuse as soon as {@code feed} returns.
 */
public final class PacketFramer {

    /** Receives what the framer completes, in stream order, on the feeding thread. */
    public interface Listener {
        void onPacket(Packet packet);

        /** Called once, before any packet, when the framer was built to expect a handshake. */
        default void onHandshake(Handshake handshake) {
        }
    }

    private static final int INITIAL_CAPACITY = 4096;
    /** After a big packet, give the memory back once the buffer drains. */
    private static final int SHRINK_ABOVE = 256 * 1024;

    private final Listener listener;
    private boolean awaitingHandshake;
    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private RuntimeException failure;

    private PacketFramer(boolean expectHandshake, Listener listener) {
        this.awaitingHandshake = expectHandshake;
        this.listener = listener;
    }

    /** For the gateway's client side: the server sends packets straight away. */
    public static PacketFramer forClient(Listener listener) {
        return new PacketFramer(false, listener);
    }

    /** For the sim-exchange's server side: the first two bytes are the handshake. */
    public static PacketFramer forServer(Listener listener) {
        return new PacketFramer(true, listener);
    }

    /** Bytes received but not yet part of a complete packet. */
    public int buffered() {
        return end - start;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        checkUsable();
        try {
            if (start == end && !awaitingHandshake) {
                // Nothing pending: decode whole packets straight from the caller's array.
                int consumed = drain(bytes, offset, length);
                offset += consumed;
                length -= consumed;
            }
            if (length > 0) {
                ensureRoom(length);
                System.arraycopy(bytes, offset, buf, end, length);
                end += length;
                drainBuffer();
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    public void feed(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            int n = bytes.remaining();
            int at = bytes.position();
            bytes.position(at + n);
            feed(bytes.array(), bytes.arrayOffset() + at, n);
            return;
        }
        checkUsable();
        try {
            int n = bytes.remaining();
            ensureRoom(n);
            bytes.get(buf, end, n);
            end += n;
            drainBuffer();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    public void feed(Buffer bytes) {
        checkUsable();
        try {
            int n = bytes.length();
            ensureRoom(n);
            bytes.getBytes(0, n, buf, end);
            end += n;
            drainBuffer();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private void drainBuffer() {
        if (awaitingHandshake) {
            if (end - start < Handshake.TCP_LENGTH) {
                return;
            }
            Handshake handshake = Handshake.fromTcp(buf[start], buf[start + 1]);
            start += Handshake.TCP_LENGTH;
            awaitingHandshake = false;
            listener.onHandshake(handshake);
        }
        start += drain(buf, start, end - start);
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.length > SHRINK_ABOVE) {
                buf = new byte[INITIAL_CAPACITY];
            }
        }
    }

    /** Decodes every complete packet in the range; returns the number of bytes consumed. */
    private int drain(byte[] a, int off, int len) {
        int consumed = 0;
        while (true) {
            int frame = PacketCodec.frameLength(a, off + consumed, len - consumed);
            if (frame < 0 || frame > len - consumed) {
                return consumed;
            }
            Packet packet = PacketCodec.decode(a, off + consumed, frame);
            consumed += frame;
            listener.onPacket(packet);
        }
    }

    /** Makes room for {@code n} more bytes, compacting before growing. */
    private void ensureRoom(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int pending = end - start;
        if (pending + n <= buf.length) {
            System.arraycopy(buf, start, buf, 0, pending);
        } else {
            // Grows only as far as the data fed: a packet can be at most MAX_FRAME_LENGTH long,
            // and complete packets are removed as soon as they arrive.
            byte[] bigger = new byte[Math.max(pending + n, Math.min(buf.length * 2, PacketCodec.MAX_FRAME_LENGTH))];
            System.arraycopy(buf, start, bigger, 0, pending);
            buf = bigger;
        }
        start = 0;
        end = pending;
    }

    /**
     * A framer that failed once cannot know where the next packet starts: bad input poisons it,
     * and so does an exception thrown by the listener (the packet boundary was already passed).
     */
    private void checkUsable() {
        if (failure instanceof MalformedPacketException m) {
            throw new MalformedPacketException(m.reason(), "stream already failed: " + m.getMessage());
        }
        if (failure != null) {
            throw new IllegalStateException("framer unusable after its listener threw", failure);
        }
    }
}

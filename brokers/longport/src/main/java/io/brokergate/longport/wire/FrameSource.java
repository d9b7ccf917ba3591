package io.brokergate.longport.wire;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;

/**
 * Read-only view over one frame, so that the header is parsed by a single implementation for
 * byte[], ByteBuffer and Vert.x Buffer without first copying the whole frame.
 */
sealed interface FrameSource permits FrameSource.Array, FrameSource.Nio, FrameSource.Vertx {

    int length();

    /** Unsigned byte at a frame-relative index. */
    int u8(int index);

    /** Copy of the frame-relative range [from, to). */
    byte[] copy(int from, int to);

    static FrameSource of(ByteBuffer b) {
        if (b.hasArray()) {
            return new Array(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        return new Nio(b, b.position(), b.remaining());
    }

    record Array(byte[] a, int off, int len) implements FrameSource {
        @Override
        public int length() {
            return len;
        }

        @Override
        public int u8(int index) {
            return a[off + index] & 0xFF;
        }

        @Override
        public byte[] copy(int from, int to) {
            return java.util.Arrays.copyOfRange(a, off + from, off + to);
        }
    }

    record Nio(ByteBuffer b, int base, int len) implements FrameSource {
        @Override
        public int length() {
            return len;
        }

        @Override
        public int u8(int index) {
            return b.get(base + index) & 0xFF;
        }

        @Override
        public byte[] copy(int from, int to) {
            byte[] out = new byte[to - from];
            b.get(base + from, out);
            return out;
        }
    }

    record Vertx(Buffer b) implements FrameSource {
        @Override
        public int length() {
            return b.length();
        }

        @Override
        public int u8(int index) {
            return b.getUnsignedByte(index);
        }

        @Override
        public byte[] copy(int from, int to) {
            return b.getBytes(from, to);
        }
    }
}

package io.brokergate.longport.wire;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static io.brokergate.longport.wire.MalformedPacketException.Reason;

/**
 * LongPort protocol v1 packet codec (longport.md §2.2), big-endian:
 * <pre>
 * byte 0   : bits 0-3 type, bit 4 verify trailer present, bit 5 gzip body, bits 6-7 reserved
 * Request  : cmd u8, request_id u32, timeout_ms u16, body_len u24, body [, nonce 8, signature 16]
 * Response : cmd u8, request_id u32, status u8,     body_len u24, body [, nonce 8, signature 16]
 * Push     : cmd u8,                                 body_len u24, body [, nonce 8, signature 16]
 * </pre>
 * body_len is always the last three header bytes. Decoding is strict because the server side
 * faces untrusted input: every violation is a {@link MalformedPacketException}, nothing else.
 * Reserved bits are ignored on decode and written as 0. The verify trailer is skipped, never
 * checked, and never written: how it is computed is undocumented and no client sends it.
 */
public final class PacketCodec {

    public static final int FLAG_VERIFY = 0x10;
    public static final int FLAG_GZIP = 0x20;
    /** 8-byte nonce + 16-byte signature. */
    public static final int VERIFY_TRAILER_LENGTH = 24;
    /** Largest possible frame: request header + u24 body + trailer. Bounds the TCP framer's buffer. */
    public static final int MAX_FRAME_LENGTH = 11 + Packet.MAX_BODY_LENGTH + VERIFY_TRAILER_LENGTH;

    private PacketCodec() {
    }

    // ------------------------------------------------------------------ encode

    /** Encodes without compression. */
    public static byte[] encode(Packet packet) {
        return encode(packet, false);
    }

    /**
     * @param gzip compress the body and set bit 0x20; body_len then holds the compressed length.
     *             Worth it only for large bodies (the Go SDK uses 1024 bytes as the threshold).
     * @throws MalformedPacketException (BODY_TOO_LARGE) when the body exceeds 2^24-1 bytes, even
     *         if it would compress below that: the decoder caps inflated bodies at the same size
     */
    public static byte[] encode(Packet packet, boolean gzip) {
        checkBodyLength(packet.body().length);
        byte[] body = gzip ? gzip(packet.body()) : packet.body();
        byte[] out = newFrame(packet, body.length, gzip);
        System.arraycopy(body, 0, out, out.length - body.length, body.length);
        return out;
    }

    /** Same as {@link #encode(Packet, boolean)}, wrapped for a Vert.x socket or WebSocket write. */
    public static Buffer encodeBuffer(Packet packet, boolean gzip) {
        return Buffer.buffer(encode(packet, gzip));
    }

    /** Request straight from a protobuf message: one allocation, no intermediate body array. */
    public static byte[] encodeRequest(int cmd, long requestId, int timeoutMs, MessageLite body) {
        return encodeMessage(new Packet.Request(cmd, requestId, timeoutMs, Packet.EMPTY), body);
    }

    /** Response straight from a protobuf message (status 0 unless the body is an Error). */
    public static byte[] encodeResponse(int cmd, long requestId, int status, MessageLite body) {
        return encodeMessage(new Packet.Response(cmd, requestId, status, Packet.EMPTY), body);
    }

    /** Push straight from a protobuf message; the hot path for 101-104 and 18. */
    public static byte[] encodePush(int cmd, MessageLite body) {
        return encodeMessage(new Packet.Push(cmd, Packet.EMPTY), body);
    }

    private static byte[] encodeMessage(Packet header, MessageLite body) {
        int bodyLength = body.getSerializedSize();
        byte[] out = newFrame(header, bodyLength, false);
        CodedOutputStream cos = CodedOutputStream.newInstance(out, out.length - bodyLength, bodyLength);
        try {
            body.writeTo(cos);
        } catch (IOException e) {
            // Only thrown when the computed size was wrong, which cannot happen for a byte[] target.
            throw new UncheckedIOException(e);
        }
        cos.checkNoSpaceLeft();
        return out;
    }

    /** Allocates the whole frame and fills the header; the body goes at the end. */
    private static byte[] newFrame(Packet p, int bodyLength, boolean gzip) {
        checkBodyLength(bodyLength);
        int headerLength = p.type().headerLength();
        byte[] out = new byte[headerLength + bodyLength];
        out[0] = (byte) (p.type().code() | (gzip ? FLAG_GZIP : 0));
        out[1] = (byte) p.cmd();
        // Java 17: no pattern switch yet, so plain instanceof.
        if (p instanceof Packet.Request r) {
            putU32(out, 2, r.requestId());
            out[6] = (byte) (r.timeoutMs() >>> 8);
            out[7] = (byte) r.timeoutMs();
        } else if (p instanceof Packet.Response r) {
            putU32(out, 2, r.requestId());
            out[6] = (byte) r.status();
        }
        int at = headerLength - 3;
        out[at] = (byte) (bodyLength >>> 16);
        out[at + 1] = (byte) (bodyLength >>> 8);
        out[at + 2] = (byte) bodyLength;
        return out;
    }

    private static void checkBodyLength(int bodyLength) {
        if (bodyLength > Packet.MAX_BODY_LENGTH) {
            throw new MalformedPacketException(Reason.BODY_TOO_LARGE,
                    "body of " + bodyLength + " bytes exceeds the u24 limit " + Packet.MAX_BODY_LENGTH);
        }
    }

    private static void putU32(byte[] out, int at, long v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
    }

    // ------------------------------------------------------------------ decode

    /** Decodes a frame that must hold exactly one packet (a WebSocket binary message). */
    public static Packet decode(byte[] frame) {
        return decode(new FrameSource.Array(frame, 0, frame.length));
    }

    public static Packet decode(byte[] frame, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > frame.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " array " + frame.length);
        }
        return decode(new FrameSource.Array(frame, offset, length));
    }

    /** Decodes position..limit as one packet; the buffer's position is not changed. */
    public static Packet decode(ByteBuffer frame) {
        return decode(FrameSource.of(frame));
    }

    public static Packet decode(Buffer frame) {
        return decode(new FrameSource.Vertx(frame));
    }

    static Packet decode(FrameSource s) {
        int len = s.length();
        if (len == 0) {
            throw new MalformedPacketException(Reason.TRUNCATED, "empty frame");
        }
        int b0 = s.u8(0);
        PacketType type = typeOf(b0);
        int headerLength = type.headerLength();
        if (len < headerLength) {
            throw new MalformedPacketException(Reason.TRUNCATED, "frame of " + len + " bytes is shorter than the "
                    + headerLength + "-byte " + type + " header");
        }
        int bodyLength = (s.u8(headerLength - 3) << 16) | (s.u8(headerLength - 2) << 8) | s.u8(headerLength - 1);
        int bodyEnd = headerLength + bodyLength;
        if (bodyEnd > len) {
            throw new MalformedPacketException(Reason.BAD_LENGTH, "body_len " + bodyLength + " exceeds the "
                    + (len - headerLength) + " bytes after the header");
        }
        int expected = bodyEnd;
        if ((b0 & FLAG_VERIFY) != 0) {
            expected += VERIFY_TRAILER_LENGTH;
            if (expected > len) {
                throw new MalformedPacketException(Reason.TRUNCATED, "verify flag set but the "
                        + VERIFY_TRAILER_LENGTH + "-byte nonce+signature trailer is missing ("
                        + (len - bodyEnd) + " bytes after the body)");
            }
        }
        if (len > expected) {
            throw new MalformedPacketException(Reason.TRAILING_BYTES, (len - expected)
                    + " unexpected bytes after the packet (a frame carries exactly one packet)");
        }
        int cmd = s.u8(1);
        long requestId = type == PacketType.PUSH ? 0
                : ((long) s.u8(2) << 24) | (s.u8(3) << 16) | (s.u8(4) << 8) | s.u8(5);
        int timeoutMs = 0;
        if (type == PacketType.REQUEST) {
            timeoutMs = (s.u8(6) << 8) | s.u8(7);
            if (timeoutMs > Packet.MAX_TIMEOUT_MS) {
                throw new MalformedPacketException(Reason.TIMEOUT_OUT_OF_RANGE,
                        "timeout " + timeoutMs + " ms exceeds " + Packet.MAX_TIMEOUT_MS);
            }
        }
        byte[] body = bodyLength == 0 ? Packet.EMPTY : s.copy(headerLength, bodyEnd);
        if ((b0 & FLAG_GZIP) != 0) {
            body = gunzip(body);
        }
        return switch (type) {
            case REQUEST -> new Packet.Request(cmd, requestId, timeoutMs, body);
            case RESPONSE -> new Packet.Response(cmd, requestId, s.u8(6), body);
            case PUSH -> new Packet.Push(cmd, body);
        };
    }

    /**
     * For stream framing: total length of the packet starting at {@code off}, or -1 when fewer
     * bytes than its header are available yet.
     */
    static int frameLength(byte[] a, int off, int available) {
        if (available < 1) {
            return -1;
        }
        int b0 = a[off] & 0xFF;
        int headerLength = typeOf(b0).headerLength();
        if (available < headerLength) {
            return -1;
        }
        int at = off + headerLength - 3;
        int bodyLength = ((a[at] & 0xFF) << 16) | ((a[at + 1] & 0xFF) << 8) | (a[at + 2] & 0xFF);
        return headerLength + bodyLength + ((b0 & FLAG_VERIFY) != 0 ? VERIFY_TRAILER_LENGTH : 0);
    }

    private static PacketType typeOf(int b0) {
        PacketType type = PacketType.ofCode(b0 & 0x0F);
        if (type == null) {
            throw new MalformedPacketException(Reason.UNKNOWN_TYPE,
                    "unknown packet type " + (b0 & 0x0F) + " in header byte 0x" + Integer.toHexString(b0));
        }
        return type;
    }

    // ------------------------------------------------------------------ gzip

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, body.length / 2));
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Inflates at most {@link Packet#MAX_BODY_LENGTH} bytes: an uncompressed body could not be
     * larger, and the cap stops a small gzip bomb from exhausting the server's heap.
     */
    static byte[] gunzip(byte[] compressed) {
        byte[] out;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 512)) {
            out = in.readNBytes(Packet.MAX_BODY_LENGTH + 1);
        } catch (IOException | RuntimeException e) {
            // ZipException/EOFException for corrupt or truncated data; the JDK inflater can also
            // throw unchecked exceptions on hostile input, and the contract is "only Malformed".
            throw new MalformedPacketException(Reason.BAD_GZIP, "corrupt gzip body: " + e.getMessage(), e);
        }
        if (out.length > Packet.MAX_BODY_LENGTH) {
            throw new MalformedPacketException(Reason.BODY_TOO_LARGE,
                    "gzip body inflates beyond " + Packet.MAX_BODY_LENGTH + " bytes");
        }
        return out;
    }
}

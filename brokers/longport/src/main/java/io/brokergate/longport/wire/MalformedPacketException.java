package io.brokergate.longport.wire;

/**
 * Input that does not follow the LongPort v1 framing. Unchecked so that it can cross Vert.x
 * handlers, but a server must catch it, answer with a Close push (code UNPACK_ERROR) and drop
 * only that connection. Decoders throw nothing else for bad input.
 */
public final class MalformedPacketException extends RuntimeException {

    /** Why the input was rejected; lets callers count or map failures without parsing messages. */
    public enum Reason {
        TRUNCATED,
        UNKNOWN_TYPE,
        BAD_LENGTH,
        TRAILING_BYTES,
        TIMEOUT_OUT_OF_RANGE,
        BODY_TOO_LARGE,
        BAD_GZIP,
        BAD_HANDSHAKE,
        /** Framing was fine but the protobuf body did not parse (see {@link Packets#parseBody}). */
        BAD_BODY
    }

    private final Reason reason;

    public MalformedPacketException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MalformedPacketException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

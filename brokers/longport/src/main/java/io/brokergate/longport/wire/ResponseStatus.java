package io.brokergate.longport.wire;

/**
 * Response status byte (longport.md §2.2). When the status is not {@link #SUCCESS} the body is a
 * protobuf {@code io.brokergate.longport.proto.Error}.
 */
public enum ResponseStatus {
    SUCCESS(0),
    SERVER_TIMEOUT(1),
    CLIENT_TIMEOUT(2),
    BAD_REQUEST(3),
    BAD_RESPONSE(4),
    UNAUTHENTICATED(5),
    PERMISSION_DENIED(6),
    SERVER_INTERNAL_ERROR(7),
    CLIENT_INTERNAL_ERROR(8);

    private static final ResponseStatus[] BY_CODE = values();

    private final int code;

    ResponseStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * @return the status for a wire value, or {@code null} for undocumented values 9..255
     *         (the byte is a u8, so a peer may send them; callers decide how to treat them)
     */
    public static ResponseStatus ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

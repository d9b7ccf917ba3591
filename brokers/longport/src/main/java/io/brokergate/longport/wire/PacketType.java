package io.brokergate.longport.wire;

/** Packet type, held in bits 0-3 of the first header byte (longport.md §2.2). */
public enum PacketType {
    REQUEST(1, 11),
    RESPONSE(2, 10),
    PUSH(3, 5);

    private final int code;
    private final int headerLength;

    PacketType(int code, int headerLength) {
        this.code = code;
        this.headerLength = headerLength;
    }

    /** Value of the low nibble of header byte 0. */
    public int code() {
        return code;
    }

    /** Header size in bytes including byte 0, excluding body and verify trailer. */
    public int headerLength() {
        return headerLength;
    }

    /** @return the type for a low-nibble value, or {@code null} when it is not 1, 2 or 3 */
    public static PacketType ofCode(int code) {
        return switch (code) {
            case 1 -> REQUEST;
            case 2 -> RESPONSE;
            case 3 -> PUSH;
            default -> null;
        };
    }
}

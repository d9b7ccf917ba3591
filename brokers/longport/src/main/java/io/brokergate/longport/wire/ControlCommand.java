package io.brokergate.longport.wire;

/** Control cmds 0-3, shared by the quote and the trade socket (longport.md §2.3). */
public final class ControlCommand {
    /** Server push with a {@code Close} body, sent just before disconnecting. */
    public static final int CLOSE = 0;
    /** Request from either side; the peer echoes the body in a response. */
    public static final int HEARTBEAT = 1;
    public static final int AUTH = 2;
    public static final int RECONNECT = 3;

    private ControlCommand() {
    }

    /** @return true for cmds 0-3, which both sockets handle the same way */
    public static boolean isControl(int cmd) {
        return cmd >= CLOSE && cmd <= RECONNECT;
    }

    public static String name(int cmd) {
        return switch (cmd) {
            case CLOSE -> "Close";
            case HEARTBEAT -> "Heartbeat";
            case AUTH -> "Auth";
            case RECONNECT -> "Reconnect";
            default -> "cmd" + cmd;
        };
    }
}

package io.brokergate.longport.wire;

/**
 * Trade socket cmds (longport.md §4). The numbers reuse quote cmds 16-18, so a cmd byte only
 * has a meaning together with the socket it arrived on.
 */
public final class TradeCommand {
    /** Request {@code Sub} → response {@code SubResponse}. */
    public static final int SUBSCRIBE = 16;
    /** Request {@code Unsub} → response {@code UnsubResponse}. */
    public static final int UNSUBSCRIBE = 17;
    /** Push {@code Notification} carrying the order JSON. */
    public static final int NOTIFY = 18;

    /** The only topic the trade socket serves. */
    public static final String TOPIC_PRIVATE = "private";

    private TradeCommand() {
    }

    public static String name(int cmd) {
        if (ControlCommand.isControl(cmd)) {
            return ControlCommand.name(cmd);
        }
        return switch (cmd) {
            case SUBSCRIBE -> "Sub";
            case UNSUBSCRIBE -> "Unsub";
            case NOTIFY -> "Notification";
            default -> "cmd" + cmd;
        };
    }
}

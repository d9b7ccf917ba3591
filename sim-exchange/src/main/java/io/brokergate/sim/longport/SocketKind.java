package io.brokergate.sim.longport;

/** Which of LongPort's two sockets a connection is; decided by the upgrade path. */
public enum SocketKind {
    QUOTE, TRADE;

    /** {@code quote|trade|all} as the admin API spells it; null means all. */
    public static SocketKind parseOrAll(String s) {
        if (s == null || s.isEmpty() || s.equals("all")) {
            return null;
        }
        return switch (s) {
            case "quote" -> QUOTE;
            case "trade" -> TRADE;
            default -> throw new IllegalArgumentException("socket must be quote, trade or all, not " + s);
        };
    }
}

package io.brokergate.core.order;

public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for buys, -1 for sells: the sign a fill gives to a position change. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}

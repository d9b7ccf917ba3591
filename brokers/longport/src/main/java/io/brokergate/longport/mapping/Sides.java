package io.brokergate.longport.mapping;

import io.brokergate.core.order.Side;
import io.brokergate.longport.rest.OrderSide;

/** Core side ↔ LongPort {@code Buy}/{@code Sell}. */
public final class Sides {

    private Sides() {
    }

    public static OrderSide toWire(Side side) {
        return side == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
    }

    /** @return null for a side this code does not know (callers skip such records) */
    public static Side toCore(OrderSide side) {
        if (side == null) {
            return null;
        }
        return switch (side) {
            case BUY -> Side.BUY;
            case SELL -> Side.SELL;
            default -> null;
        };
    }
}

package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Order side. Unknown strings map to {@link #UNKNOWN} rather than failing (longport.md §5).
 */
public enum OrderSide implements WireEnum {
    BUY("Buy"),
    SELL("Sell"),
    /** Not a value to send; stands for any string this code does not know. */
    UNKNOWN("Unknown");

    private static final Map<String, OrderSide> BY_WIRE = WireEnum.index(values());

    private final String wire;

    OrderSide(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OrderSide fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}

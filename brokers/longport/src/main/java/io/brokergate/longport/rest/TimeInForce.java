package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Time in force; GTD needs expire_date. Unknown strings map to {@link #UNKNOWN} rather than
 * failing (longport.md §5).
 */
public enum TimeInForce implements WireEnum {
    DAY("Day"),
    GTC("GTC"),
    GTD("GTD"),
    /** Not a value to send; stands for any string this code does not know. */
    UNKNOWN("Unknown");

    private static final Map<String, TimeInForce> BY_WIRE = WireEnum.index(values());

    private final String wire;

    TimeInForce(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TimeInForce fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}

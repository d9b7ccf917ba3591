package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Trigger state of conditional orders; NOT_USED means not a conditional order. Unknown strings
 * map to {@link #UNKNOWN} rather than failing (longport.md §5).
 */
public enum TriggerStatus implements WireEnum {
    NOT_USED("NOT_USED"),
    DEACTIVE("DEACTIVE"),
    ACTIVE("ACTIVE"),
    RELEASED("RELEASED"),
    /** Not a value to send; stands for any string this code does not know. */
    UNKNOWN("Unknown");

    private static final Map<String, TriggerStatus> BY_WIRE = WireEnum.index(values());

    private final String wire;

    TriggerStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TriggerStatus fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}

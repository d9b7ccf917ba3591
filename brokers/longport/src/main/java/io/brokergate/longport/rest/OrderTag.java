package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Order tag. The long-term tag is GTC for LongPort and Gtc for Longbridge 4.5; both resolve to
 * LONG_TERM. Unknown strings map to {@link #UNKNOWN} rather than failing (longport.md §5).
 */
public enum OrderTag implements WireEnum {
    NORMAL("Normal"),
    LONG_TERM("GTC"),
    GREY("Grey"),
    MARGIN_CALL("MarginCall"),
    OFFLINE("Offline"),
    CREDITOR("Creditor"),
    DEBTOR("Debtor"),
    NON_EXERCISE("NonExercise"),
    ALLOCATED_SUB("AllocatedSub"),
    /** Not a value to send; stands for any string this code does not know. */
    UNKNOWN("Unknown");

    private static final Map<String, OrderTag> BY_WIRE = WireEnum.index(values());

    private final String wire;

    OrderTag(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OrderTag fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}

package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Order type wire strings. TSMAMT/TSMPCT appear only in the SDK and openapi.yaml. Unknown strings
 * map to {@link #UNKNOWN} rather than failing (longport.md §5).
 */
public enum OrderType implements WireEnum {
    LO("LO"),
    ELO("ELO"),
    MO("MO"),
    AO("AO"),
    ALO("ALO"),
    ODD("ODD"),
    LIT("LIT"),
    MIT("MIT"),
    TSLPAMT("TSLPAMT"),
    TSLPPCT("TSLPPCT"),
    TSMAMT("TSMAMT"),
    TSMPCT("TSMPCT"),
    SLO("SLO"),
    /** Not a value to send; stands for any string this code does not know. */
    UNKNOWN("Unknown");

    private static final Map<String, OrderType> BY_WIRE = WireEnum.index(values());

    private final String wire;

    OrderType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OrderType fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}

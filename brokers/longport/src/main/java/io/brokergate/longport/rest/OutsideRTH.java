package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Outside-regular-trading-hours setting. OPTION_PRE_MARKET exists only in the Longbridge SDK.
 * Unknown strings map to {@link #UNKNOWN} rather than failing (longport.md §5).
 */
public enum OutsideRTH implements WireEnum {
    RTH_ONLY("RTH_ONLY"),
    ANY_TIME("ANY_TIME"),
    OVERNIGHT("OVERNIGHT"),
    OPTION_PRE_MARKET("OPTION_PRE_MARKET"),
    /**
     * Responses say {@code UnknownOutsideRth} for orders where the setting does not apply
     * (non-US); unknown strings land here too. Not a value to send.
     */
    UNKNOWN("UnknownOutsideRth");

    private static final Map<String, OutsideRTH> BY_WIRE = WireEnum.index(values());

    private final String wire;

    OutsideRTH(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OutsideRTH fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}

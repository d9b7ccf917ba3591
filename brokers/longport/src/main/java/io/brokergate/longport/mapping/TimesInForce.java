package io.brokergate.longport.mapping;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.TimeInForce;
import java.util.EnumSet;
import java.util.Set;

/** Core time in force ↔ LongPort {@code Day}/{@code GTC}/{@code GTD}; LongPort has no IOC or FOK. */
public final class TimesInForce {

    public static final Set<TimeInForce> SUPPORTED =
            EnumSet.of(TimeInForce.DAY, TimeInForce.GOOD_TILL_CANCELLED, TimeInForce.GOOD_TILL_DATE);

    private TimesInForce() {
    }

    /** @throws GatewayException INVALID_REQUEST for IOC and FOK */
    public static io.brokergate.longport.rest.TimeInForce toWire(TimeInForce tif) {
        return switch (tif == null ? TimeInForce.DAY : tif) {
            case DAY -> io.brokergate.longport.rest.TimeInForce.DAY;
            case GOOD_TILL_CANCELLED -> io.brokergate.longport.rest.TimeInForce.GTC;
            case GOOD_TILL_DATE -> io.brokergate.longport.rest.TimeInForce.GTD;
            default -> throw GatewayException.invalid("LongPort does not support time in force "
                    + tif.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    /** Unknown values read as DAY, LongPort's default. */
    public static TimeInForce toCore(io.brokergate.longport.rest.TimeInForce tif) {
        if (tif == null) {
            return TimeInForce.DAY;
        }
        return switch (tif) {
            case GTC -> TimeInForce.GOOD_TILL_CANCELLED;
            case GTD -> TimeInForce.GOOD_TILL_DATE;
            default -> TimeInForce.DAY;
        };
    }
}

package io.brokergate.longport.mapping;

import io.brokergate.core.market.BarPeriod;
import io.brokergate.longport.proto.Period;

/** Core bar periods ↔ LongPort candlestick periods; every core period has a LongPort twin. */
public final class Periods {

    private Periods() {
    }

    public static Period toWire(BarPeriod p) {
        return switch (p) {
            case MIN_1 -> Period.PERIOD_ONE_MINUTE;
            case MIN_5 -> Period.PERIOD_FIVE_MINUTE;
            case MIN_15 -> Period.PERIOD_FIFTEEN_MINUTE;
            case MIN_30 -> Period.PERIOD_THIRTY_MINUTE;
            case MIN_60 -> Period.PERIOD_SIXTY_MINUTE;
            case DAY -> Period.PERIOD_DAY;
            case WEEK -> Period.PERIOD_WEEK;
            case MONTH -> Period.PERIOD_MONTH;
        };
    }

    /** @return the core period, or null for LongPort periods the gateway does not model (2 m, 4 h, …) */
    public static BarPeriod toCore(Period p) {
        return switch (p) {
            case PERIOD_ONE_MINUTE -> BarPeriod.MIN_1;
            case PERIOD_FIVE_MINUTE -> BarPeriod.MIN_5;
            case PERIOD_FIFTEEN_MINUTE -> BarPeriod.MIN_15;
            case PERIOD_THIRTY_MINUTE -> BarPeriod.MIN_30;
            case PERIOD_SIXTY_MINUTE -> BarPeriod.MIN_60;
            case PERIOD_DAY -> BarPeriod.DAY;
            case PERIOD_WEEK -> BarPeriod.WEEK;
            case PERIOD_MONTH -> BarPeriod.MONTH;
            default -> null;
        };
    }
}

package io.brokergate.sim.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The engine's number format: prices and money are {@code long} counts of 1e-4 units, quantities are
 * whole shares. Every tick size of the supported markets (down to US sub-dollar 0.0001) is a whole
 * number of units, so the hot path never needs {@link BigDecimal}; conversion happens only at the API edge.
 */
public final class FixedPoint {

    /** Decimal places of one unit. */
    public static final int SCALE = 4;
    /** Units in 1.0 of a price or a currency. */
    public static final long ONE = 10_000L;

    private FixedPoint() {
    }

    /** Exact conversion; throws {@link ArithmeticException} when the value needs more than four decimals or overflows. */
    public static long toUnits(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** Conversion with rounding, for values that are allowed to be approximate (configuration, admin input). */
    public static long toUnits(BigDecimal value, RoundingMode mode) {
        return value.setScale(SCALE, mode).unscaledValue().longValueExact();
    }

    /** Whether {@link #toUnits(BigDecimal)} would succeed. */
    public static boolean isRepresentable(BigDecimal value) {
        if (value == null) {
            return false;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            return false;
        }
        return stripped.abs().compareTo(MAX_DECIMAL) <= 0;
    }

    private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(Long.MAX_VALUE, SCALE);

    /** Plain decimal without trailing zeros ({@code 382.4}, {@code 100}), never in exponent form. */
    public static BigDecimal toDecimal(long units) {
        BigDecimal d = BigDecimal.valueOf(units, SCALE).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Whole shares as a decimal. */
    public static BigDecimal quantity(long shares) {
        return BigDecimal.valueOf(shares);
    }

    /** Whole shares from a decimal quantity that is known to be an integer. */
    public static long quantityUnits(BigDecimal quantity) {
        return quantity.longValueExact();
    }

    /** Units from a double (latent random-walk values); rounds half up. */
    public static long fromDouble(double units) {
        return Math.round(units);
    }
}

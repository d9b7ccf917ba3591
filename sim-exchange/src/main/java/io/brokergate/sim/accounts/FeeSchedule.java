package io.brokergate.sim.accounts;

import io.brokergate.core.instrument.Market;
import io.brokergate.sim.market.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What one order costs in fees, in the instrument's currency: {@code max(rate * executed notional,
 * minimum) + fixedPerOrder}, rounded up to the cent. Charged as the order executes: each execution
 * carries the increase of the order's total, so the minimum and the fixed part are paid once per order,
 * on its first fill, and an order that never fills costs nothing.
 *
 * @param rate          fraction of the executed notional (0.0014 = 0.14 %)
 * @param minimum       floor of the variable part, per order
 * @param fixedPerOrder flat amount per (executed) order, such as a platform fee
 */
public record FeeSchedule(BigDecimal rate, BigDecimal minimum, BigDecimal fixedPerOrder) {

    public static final FeeSchedule FREE = new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    private static final long CENT = FixedPoint.ONE / 100;

    public FeeSchedule {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(fixedPerOrder, "fixedPerOrder");
        if (rate.signum() < 0 || minimum.signum() < 0 || fixedPerOrder.signum() < 0) {
            throw new IllegalArgumentException("fees cannot be negative");
        }
    }

    public static FeeSchedule of(String rate, String minimum, String fixedPerOrder) {
        return new FeeSchedule(new BigDecimal(rate), new BigDecimal(minimum), new BigDecimal(fixedPerOrder));
    }

    /**
     * Hong Kong, roughly a discount broker's bill: commission 0.03 % plus stamp duty 0.1 %, exchange
     * trading fee, SFC and FRC levies and settlement fee (about 0.14 % together), HKD 3 minimum, HKD 15
     * platform fee per order.
     */
    public static FeeSchedule hongKong() {
        return of("0.0014", "3", "15");
    }

    /** US: SEC and FINRA fees plus a small commission, USD 0.99 minimum, USD 1 platform fee per order. */
    public static FeeSchedule unitedStates() {
        return of("0.0001", "0.99", "1");
    }

    /** Shanghai/Shenzhen: commission 0.025 % plus transfer and handling fees, CNY 5 minimum. */
    public static FeeSchedule chinaA() {
        return of("0.0003", "5", "0");
    }

    public static FeeSchedule defaultFor(Market market) {
        switch (market) {
            case HK:
                return hongKong();
            case US:
                return unitedStates();
            case SH:
            case SZ:
                return chinaA();
            default:
                return FREE;
        }
    }

    /** Total fees, in units, of an order whose executions so far are worth {@code executedNotional} units. */
    public long totalFee(long executedNotional) {
        if (executedNotional <= 0) {
            return 0;
        }
        long variable = rate.multiply(BigDecimal.valueOf(executedNotional)).setScale(0, RoundingMode.CEILING).longValueExact();
        long fee = Math.max(variable, FixedPoint.toUnits(minimum, RoundingMode.CEILING))
                + FixedPoint.toUnits(fixedPerOrder, RoundingMode.CEILING);
        return roundUpToCent(fee);
    }

    private static long roundUpToCent(long units) {
        long rem = Math.floorMod(units, CENT);
        return rem == 0 ? units : units - rem + CENT;
    }
}

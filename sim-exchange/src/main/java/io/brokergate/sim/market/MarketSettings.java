package io.brokergate.sim.market;

/**
 * Market-wide knobs shared by every {@link InstrumentMarket}.
 *
 * @param seed             base seed; every instrument derives its own streams from it
 * @param ladderLevels     generated levels per side (at least 10)
 * @param historyDays      trading days of generated history before the start date
 * @param stepYears        market time one generator step represents, in trading years (drives volatility)
 * @param reversionPerStep mean reversion of the log price per step
 * @param tapeSize         recent prints kept per instrument
 * @param minuteRetention  live 1-minute bars kept per instrument
 */
public record MarketSettings(
        long seed,
        int ladderLevels,
        int historyDays,
        double stepYears,
        double reversionPerStep,
        int tapeSize,
        int minuteRetention) {

    public MarketSettings {
        if (ladderLevels < 10) {
            throw new IllegalArgumentException("the ladder needs at least 10 levels per side");
        }
        if (historyDays < 0 || tapeSize < 0 || minuteRetention < 1) {
            throw new IllegalArgumentException("history days and tape size must be >= 0, minute retention >= 1");
        }
        if (!(stepYears >= 0) || !(reversionPerStep >= 0 && reversionPerStep < 1)) {
            throw new IllegalArgumentException("step length must be >= 0 and reversion in [0, 1)");
        }
    }
}

package io.brokergate.sim.market;

/**
 * The seeded random walk behind an instrument's price: a discretised geometric Brownian motion in
 * log-price with weak mean reversion towards an anchor (so a sim left running for weeks stays near
 * realistic levels), snapped to the tick table after every step. The latent value is kept unsnapped so
 * that small moves accumulate instead of being rounded away at each step.
 */
public final class PriceProcess {

    /** The latent price never leaves [anchor / 20, anchor * 20]. */
    private static final double MAX_LOG_DISTANCE = StrictMath.log(20.0);

    private final TickTable ticks;
    private final SeededRandom random;
    private final double sigma;
    private final double reversion;
    private double anchorLog;
    private double logPrice;
    private long price;

    /**
     * @param volatilityPerStep standard deviation of one step's log return
     * @param reversionPerStep  fraction of the distance to the anchor removed per step (0 = pure GBM)
     */
    public PriceProcess(TickTable ticks, long startPrice, double volatilityPerStep, double reversionPerStep, SeededRandom random) {
        if (startPrice <= 0) {
            throw new IllegalArgumentException("start price must be positive");
        }
        this.ticks = ticks;
        this.random = random;
        this.sigma = volatilityPerStep;
        this.reversion = reversionPerStep;
        moveTo(startPrice);
    }

    /** Advances one step and returns the new price (valid on the tick table). */
    public long next() {
        double z = random.nextGaussian();
        double drift = -0.5 * sigma * sigma - reversion * (logPrice - anchorLog);
        logPrice += drift + sigma * z;
        logPrice = Math.max(anchorLog - MAX_LOG_DISTANCE, Math.min(anchorLog + MAX_LOG_DISTANCE, logPrice));
        price = ticks.nearest(FixedPoint.fromDouble(StrictMath.exp(logPrice)));
        return price;
    }

    /** Current snapped price. */
    public long price() {
        return price;
    }

    /** Jumps to a price (admin move); the walk continues from, and reverts towards, there. */
    public void moveTo(long newPrice) {
        price = ticks.nearest(newPrice);
        logPrice = StrictMath.log(price);
        anchorLog = logPrice;
    }
}

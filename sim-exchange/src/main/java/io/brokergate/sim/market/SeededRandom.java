package io.brokergate.sim.market;

import java.util.SplittableRandom;

/**
 * The simulator's only source of randomness. Gaussians use Box-Muller with {@link StrictMath}, so a
 * seed yields the same numbers on every JVM and platform (plain {@code Math} may use intrinsics that
 * differ in the last bit).
 */
public final class SeededRandom {

    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    public SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A seed derived from a base seed and names (symbol, purpose, date), so every instrument and every
     * history day has its own stream: adding an instrument does not change the others' prices.
     */
    public static long derive(long seed, String... parts) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                h ^= part.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = 2.0 * StrictMath.PI * u2;
        spareGaussian = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in {@code [origin, bound)}. */
    public int nextInt(int origin, int bound) {
        return random.nextInt(origin, bound);
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }
}

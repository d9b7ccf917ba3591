package io.brokergate.sim.engine;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.Market.Region;
import io.brokergate.sim.accounts.FeeSchedule;
import io.brokergate.sim.market.MarketSettings;
import io.brokergate.sim.market.SimInstrument;
import io.brokergate.sim.market.TradingCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that shapes a simulated exchange. Start from {@link #defaults()} and change what you need
 * with {@link #toBuilder()}.
 *
 * @param seed                  base seed of every random stream: same seed + same steps = same market
 * @param instruments           what is listed
 * @param stepInterval          how often the runtime driver advances the market
 * @param marketSpeed           market seconds per wall-clock second, for volatility only (a real
 *                              30 %-a-year stock barely moves in 200 ms; 20 makes the screen lively)
 * @param meanReversion         pull of the log price towards its anchor per step (0 = pure GBM)
 * @param ladderLevels          generated levels per side (at least 10)
 * @param depthLevels           levels per side in depth snapshots and pushes
 * @param historyDays           trading days of generated history before the start date
 * @param tapeSize              recent prints kept per instrument
 * @param minuteBarRetention    live 1-minute bars kept per instrument
 * @param enforceSessions       reject orders and stop the generator outside regular sessions; Day
 *                              orders then expire at the session close instead of local midnight
 * @param allowShortSelling     let sells exceed the holding
 * @param fees                  fee schedule per market (missing = free)
 * @param initialFunding        cash of a new account per currency
 * @param initialAccounts       accounts created at start
 * @param holidays              exchange holidays per region
 * @param priceBandFactor       limit and trigger prices must lie within [last / f, last * f]
 * @param stopMarketProtection  a stop-market or market-if-touched buy freezes cash, and may fill, up
 *                              to its trigger price plus this fraction
 * @param listenerQueueCapacity mailbox size above which a slow listener loses market-data events
 * @param historyRetention      finished orders and executions older than this are forgotten
 */
public record SimConfig(
        long seed,
        List<SimInstrument> instruments,
        Duration stepInterval,
        double marketSpeed,
        double meanReversion,
        int ladderLevels,
        int depthLevels,
        int historyDays,
        int tapeSize,
        int minuteBarRetention,
        boolean enforceSessions,
        boolean allowShortSelling,
        Map<Market, FeeSchedule> fees,
        Map<String, BigDecimal> initialFunding,
        List<String> initialAccounts,
        Map<Region, Set<LocalDate>> holidays,
        BigDecimal priceBandFactor,
        BigDecimal stopMarketProtection,
        int listenerQueueCapacity,
        Duration historyRetention) {

    /** Trading seconds in a year (252 days of 6.5 hours), the unit of annualised volatility. */
    private static final double TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;

    public SimConfig {
        instruments = List.copyOf(instruments);
        Set<InstrumentId> ids = new HashSet<>();
        for (SimInstrument i : instruments) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException("instrument " + i.id() + " is listed twice");
            }
        }
        Objects.requireNonNull(stepInterval, "stepInterval");
        if (stepInterval.isNegative() || stepInterval.isZero()) {
            throw new IllegalArgumentException("step interval must be positive");
        }
        if (!(marketSpeed > 0)) {
            throw new IllegalArgumentException("market speed must be positive");
        }
        if (depthLevels < 1 || depthLevels > 50) {
            throw new IllegalArgumentException("depth levels must be 1 to 50");
        }
        fees = Map.copyOf(fees);
        initialFunding = Map.copyOf(initialFunding);
        initialAccounts = List.copyOf(initialAccounts);
        Map<Region, Set<LocalDate>> h = new EnumMap<>(Region.class);
        holidays.forEach((r, d) -> h.put(r, Set.copyOf(d)));
        holidays = Map.copyOf(h);
        if (priceBandFactor == null || priceBandFactor.compareTo(BigDecimal.ONE) <= 0) {
            throw new IllegalArgumentException("price band factor must be above 1");
        }
        if (stopMarketProtection == null || stopMarketProtection.signum() < 0) {
            throw new IllegalArgumentException("stop-market protection cannot be negative");
        }
        if (listenerQueueCapacity < 16) {
            throw new IllegalArgumentException("listener queue capacity must be at least 16");
        }
        Objects.requireNonNull(historyRetention, "historyRetention");
        marketSettings(seed, ladderLevels, historyDays, tapeSize, minuteBarRetention, stepInterval, marketSpeed, meanReversion);
    }

    /** The default listing with realistic (late-2025) prices, default fees and one funded account. */
    public static SimConfig defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * HK: Tencent, Alibaba, HSBC, Xiaomi, Meituan and the Hang Seng Index (not tradable); US: Apple,
     * Tesla, NVIDIA, Microsoft; CN: Kweichow Moutai (SH) and Ping An Bank (SZ).
     */
    public static List<SimInstrument> defaultInstruments() {
        return List.of(
                SimInstrument.stock("700.HK", "Tencent Holdings", 100, "640", 0.30),
                SimInstrument.stock("9988.HK", "Alibaba Group", 100, "158", 0.40),
                SimInstrument.stock("5.HK", "HSBC Holdings", 400, "105", 0.20),
                SimInstrument.stock("1810.HK", "Xiaomi Corporation", 200, "42.5", 0.45),
                SimInstrument.stock("3690.HK", "Meituan", 100, "98.5", 0.45),
                SimInstrument.index("HSI.HK", "Hang Seng Index", "25800", 0.20),
                SimInstrument.stock("AAPL.US", "Apple Inc.", 1, "265", 0.25),
                SimInstrument.stock("TSLA.US", "Tesla, Inc.", 1, "420", 0.55),
                SimInstrument.stock("NVDA.US", "NVIDIA Corporation", 1, "185", 0.45),
                SimInstrument.stock("MSFT.US", "Microsoft Corporation", 1, "505", 0.22),
                SimInstrument.stock("600519.SH", "Kweichow Moutai", 100, "1450", 0.22),
                SimInstrument.stock("000001.SZ", "Ping An Bank", 100, "11.5", 0.22));
    }

    public static Map<Market, FeeSchedule> defaultFees() {
        Map<Market, FeeSchedule> fees = new EnumMap<>(Market.class);
        for (Market m : List.of(Market.HK, Market.US, Market.SH, Market.SZ)) {
            fees.put(m, FeeSchedule.defaultFor(m));
        }
        return fees;
    }

    public static Map<String, BigDecimal> defaultFunding() {
        Map<String, BigDecimal> funding = new LinkedHashMap<>();
        funding.put("HKD", new BigDecimal("1000000"));
        funding.put("USD", new BigDecimal("100000"));
        funding.put("CNY", new BigDecimal("1000000"));
        return funding;
    }

    public FeeSchedule feesFor(Market market) {
        return fees.getOrDefault(market, FeeSchedule.FREE);
    }

    /** The market-generator part of this configuration. */
    public MarketSettings marketSettings() {
        return marketSettings(seed, ladderLevels, historyDays, tapeSize, minuteBarRetention, stepInterval, marketSpeed,
                meanReversion);
    }

    private static MarketSettings marketSettings(long seed, int ladderLevels, int historyDays, int tapeSize,
            int minuteRetention, Duration stepInterval, double marketSpeed, double meanReversion) {
        double stepYears = stepInterval.toMillis() / 1000.0 * marketSpeed / TRADING_SECONDS_PER_YEAR;
        return new MarketSettings(seed, ladderLevels, historyDays, stepYears, meanReversion, tapeSize, minuteRetention);
    }

    public TradingCalendar calendar() {
        return new TradingCalendar(holidays);
    }

    /** Mutable companion of {@link SimConfig}. */
    public static final class Builder {
        private long seed = 42;
        private List<SimInstrument> instruments = new ArrayList<>(defaultInstruments());
        private Duration stepInterval = Duration.ofMillis(200);
        private double marketSpeed = 20;
        private double meanReversion = 1e-5;
        private int ladderLevels = 10;
        private int depthLevels = 10;
        private int historyDays = 60;
        private int tapeSize = 500;
        private int minuteBarRetention = 20_000;
        private boolean enforceSessions;
        private boolean allowShortSelling;
        private Map<Market, FeeSchedule> fees = defaultFees();
        private Map<String, BigDecimal> initialFunding = defaultFunding();
        private List<String> initialAccounts = List.of("SIM000001");
        private Map<Region, Set<LocalDate>> holidays = TradingCalendar.defaultHolidays();
        private BigDecimal priceBandFactor = BigDecimal.TEN;
        private BigDecimal stopMarketProtection = new BigDecimal("0.05");
        private int listenerQueueCapacity = 65_536;
        private Duration historyRetention = Duration.ofDays(90);

        private Builder() {
        }

        private Builder(SimConfig c) {
            seed = c.seed;
            instruments = new ArrayList<>(c.instruments);
            stepInterval = c.stepInterval;
            marketSpeed = c.marketSpeed;
            meanReversion = c.meanReversion;
            ladderLevels = c.ladderLevels;
            depthLevels = c.depthLevels;
            historyDays = c.historyDays;
            tapeSize = c.tapeSize;
            minuteBarRetention = c.minuteBarRetention;
            enforceSessions = c.enforceSessions;
            allowShortSelling = c.allowShortSelling;
            fees = new EnumMap<>(Market.class);
            fees.putAll(c.fees);
            initialFunding = new LinkedHashMap<>(c.initialFunding);
            initialAccounts = c.initialAccounts;
            holidays = c.holidays;
            priceBandFactor = c.priceBandFactor;
            stopMarketProtection = c.stopMarketProtection;
            listenerQueueCapacity = c.listenerQueueCapacity;
            historyRetention = c.historyRetention;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder instruments(List<SimInstrument> value) {
            instruments = new ArrayList<>(value);
            return this;
        }

        public Builder addInstrument(SimInstrument value) {
            instruments.add(value);
            return this;
        }

        public Builder stepInterval(Duration value) {
            stepInterval = value;
            return this;
        }

        public Builder marketSpeed(double value) {
            marketSpeed = value;
            return this;
        }

        public Builder meanReversion(double value) {
            meanReversion = value;
            return this;
        }

        public Builder ladderLevels(int value) {
            ladderLevels = value;
            return this;
        }

        public Builder depthLevels(int value) {
            depthLevels = value;
            return this;
        }

        public Builder historyDays(int value) {
            historyDays = value;
            return this;
        }

        public Builder tapeSize(int value) {
            tapeSize = value;
            return this;
        }

        public Builder minuteBarRetention(int value) {
            minuteBarRetention = value;
            return this;
        }

        public Builder enforceSessions(boolean value) {
            enforceSessions = value;
            return this;
        }

        public Builder allowShortSelling(boolean value) {
            allowShortSelling = value;
            return this;
        }

        public Builder fees(Map<Market, FeeSchedule> value) {
            fees = new EnumMap<>(Market.class);
            fees.putAll(value);
            return this;
        }

        public Builder fee(Market market, FeeSchedule value) {
            fees.put(market, value);
            return this;
        }

        public Builder initialFunding(Map<String, BigDecimal> value) {
            initialFunding = new LinkedHashMap<>(value);
            return this;
        }

        public Builder initialAccounts(List<String> value) {
            initialAccounts = value;
            return this;
        }

        public Builder holidays(Map<Region, Set<LocalDate>> value) {
            holidays = value;
            return this;
        }

        public Builder priceBandFactor(BigDecimal value) {
            priceBandFactor = value;
            return this;
        }

        public Builder stopMarketProtection(BigDecimal value) {
            stopMarketProtection = value;
            return this;
        }

        public Builder listenerQueueCapacity(int value) {
            listenerQueueCapacity = value;
            return this;
        }

        public Builder historyRetention(Duration value) {
            historyRetention = value;
            return this;
        }

        public SimConfig build() {
            return new SimConfig(seed, instruments, stepInterval, marketSpeed, meanReversion, ladderLevels, depthLevels,
                    historyDays, tapeSize, minuteBarRetention, enforceSessions, allowShortSelling, fees, initialFunding,
                    initialAccounts, holidays, priceBandFactor, stopMarketProtection, listenerQueueCapacity,
                    historyRetention);
        }
    }
}

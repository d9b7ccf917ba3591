package io.brokergate.sim.market;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated market of one instrument: its price process, the generated ladder, its own prints,
 * the trading day's statistics, the tape and the candles (live and generated history).
 *
 * <p>Not thread-safe: owned by the engine thread. A generator {@link #step(long)} moves the price,
 * rebuilds the ladder (best bid at the new price, best ask one tick above) and produces up to two
 * market prints, which the caller reads back ({@link #printCount()} ...) and records with
 * {@link #recordTrade} after it has let the matching engine react.
 */
public final class InstrumentMarket {

    private static final int MAX_PRINTS = 2;

    private final int index;
    private final SimInstrument config;
    private final TickTable ticks;
    private final long lotSize;
    private final boolean tradable;
    private final ZoneId zone;
    private final PriceProcess process;
    private final LadderGenerator ladderGenerator;
    private final Ladder ladder;
    private final SeededRandom printRandom;
    private final CandleAggregator candles;
    private final TradeTape tape;
    private final HistoryGenerator history;

    private LocalDate tradingDate;
    private long dayOpen;
    private long dayHigh;
    private long dayLow;
    private long dayVolume;
    private long dayTurnover;
    private long prevClose;
    private long last;
    private long lastTradeTime;

    private final long[] printPrice = new long[MAX_PRINTS];
    private final long[] printQuantity = new long[MAX_PRINTS];
    private final Side[] printAggressor = new Side[MAX_PRINTS];
    private int printCount;

    /**
     * @param startDate the first live trading date; history covers the trading days before it
     */
    public InstrumentMarket(int index, SimInstrument config, MarketSettings settings, TradingCalendar calendar,
            LocalDate startDate) {
        this.index = index;
        this.config = config;
        this.ticks = TickTable.of(config.instrument().ticks());
        this.lotSize = config.lotSize();
        this.tradable = config.instrument().isTradable();
        Market market = config.id().market();
        this.zone = market.zone();
        String symbol = config.id().symbol();
        long start = FixedPoint.toUnits(config.startPrice());
        double volatilityPerStep = config.annualVolatility() * Math.sqrt(settings.stepYears());
        this.process = new PriceProcess(ticks, start, volatilityPerStep, settings.reversionPerStep(),
                new SeededRandom(SeededRandom.derive(settings.seed(), symbol, "price")));
        this.ladder = new Ladder(settings.ladderLevels());
        this.ladderGenerator = new LadderGenerator(ticks, lotSize, config.levelLots(), settings.ladderLevels(),
                new SeededRandom(SeededRandom.derive(settings.seed(), symbol, "ladder")));
        this.printRandom = new SeededRandom(SeededRandom.derive(settings.seed(), symbol, "prints"));
        this.candles = new CandleAggregator(settings.minuteRetention());
        this.tape = new TradeTape(settings.tapeSize());
        this.history = new HistoryGenerator(symbol, ticks, lotSize, config.levelLots(), tradable,
                config.annualVolatility(), start, calendar.tradingDaysBefore(market.region(), startDate, settings.historyDays()),
                zone, calendar.sessions(market.region()), settings.seed());
        this.last = start;
        this.prevClose = start;
        if (tradable) {
            ladderGenerator.regenerate(ladder, start);
        }
    }

    public int index() {
        return index;
    }

    public SimInstrument config() {
        return config;
    }

    public Instrument instrument() {
        return config.instrument();
    }

    public InstrumentId id() {
        return config.id();
    }

    public Market market() {
        return config.id().market();
    }

    public ZoneId zone() {
        return zone;
    }

    public TickTable ticks() {
        return ticks;
    }

    public long lotSize() {
        return lotSize;
    }

    public boolean isTradable() {
        return tradable;
    }

    /** The generated liquidity; empty for indexes. */
    public Ladder ladder() {
        return ladder;
    }

    public HistoryGenerator history() {
        return history;
    }

    // ---- generator -------------------------------------------------------------------------

    /** One generator step at {@code nowMillis}; returns the number of market prints produced. */
    public int step(long nowMillis) {
        rollDay(nowMillis);
        long before = process.price();
        long p = process.next();
        printCount = 0;
        if (!tradable) {
            addPrint(p, 0, Side.BUY);
            return printCount;
        }
        ladderGenerator.regenerate(ladder, p);
        // A moving price always prints, so charts follow the walk; a still one prints now and then.
        int prints = p != before ? 1 + printRandom.nextInt(MAX_PRINTS) : printRandom.nextInt(MAX_PRINTS);
        for (int i = 0; i < prints; i++) {
            boolean buyer = printRandom.nextBoolean();
            addPrint(buyer ? ladder.price(Side.SELL, 0) : ladder.price(Side.BUY, 0), ladderGenerator.printSize(),
                    buyer ? Side.BUY : Side.SELL);
        }
        return printCount;
    }

    /**
     * Moves the price to (the nearest valid price to) {@code price}: the walk restarts there, the ladder
     * recentres and one print at the new price is produced. Returns the price actually used.
     */
    public long moveTo(long price, long nowMillis) {
        rollDay(nowMillis);
        long before = last;
        process.moveTo(price);
        long p = process.price();
        printCount = 0;
        if (tradable) {
            ladderGenerator.regenerate(ladder, p);
            addPrint(p, ladderGenerator.printSize(), p >= before ? Side.BUY : Side.SELL);
        } else {
            addPrint(p, 0, Side.BUY);
        }
        return p;
    }

    private void addPrint(long price, long quantity, Side aggressor) {
        printPrice[printCount] = price;
        printQuantity[printCount] = quantity;
        printAggressor[printCount] = aggressor;
        printCount++;
    }

    public int printCount() {
        return printCount;
    }

    public long printPrice(int i) {
        return printPrice[i];
    }

    public long printQuantity(int i) {
        return printQuantity[i];
    }

    /** Side that crossed the spread for a market print. */
    public Side printAggressor(int i) {
        return printAggressor[i];
    }

    // ---- trades and the trading day ----------------------------------------------------------

    /** Records a print (the market's own or a client fill): last price, day statistics, tape and candles. */
    public void recordTrade(long timeMillis, long price, long quantity, Side aggressor) {
        rollDay(timeMillis);
        last = price;
        lastTradeTime = timeMillis;
        if (dayOpen == 0) {
            dayOpen = price;
            dayHigh = price;
            dayLow = price;
        } else {
            dayHigh = Math.max(dayHigh, price);
            dayLow = Math.min(dayLow, price);
        }
        dayVolume += quantity;
        dayTurnover += price * quantity;
        candles.onTrade(timeMillis, price, quantity);
        if (tradable) {
            tape.add(timeMillis, price, quantity,
                    aggressor == Side.BUY ? TradeTick.Aggressor.BUYER : TradeTick.Aggressor.SELLER);
        }
    }

    /** Starts a new trading day when the local date changes: yesterday's last becomes the previous close. */
    public void rollDay(long nowMillis) {
        LocalDate date = Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate();
        if (tradingDate == null) {
            tradingDate = date;
        } else if (date.isAfter(tradingDate)) {
            tradingDate = date;
            prevClose = last;
            dayOpen = 0;
            dayHigh = 0;
            dayLow = 0;
            dayVolume = 0;
            dayTurnover = 0;
        }
    }

    public long last() {
        return last;
    }

    public long prevClose() {
        return prevClose;
    }

    /** 0 before the day's first trade. */
    public long dayOpen() {
        return dayOpen;
    }

    public long dayHigh() {
        return dayHigh;
    }

    public long dayLow() {
        return dayLow;
    }

    public long dayVolume() {
        return dayVolume;
    }

    public long dayTurnover() {
        return dayTurnover;
    }

    public long lastTradeTime() {
        return lastTradeTime;
    }

    public List<TradeTick> recentTrades(int count) {
        return tape.recent(id(), count);
    }

    // ---- candles -----------------------------------------------------------------------------

    /** Bars with {@code from <= openTime < to}, oldest first, from history and live trading. */
    public List<Candle> candles(BarPeriod period, long from, long to) {
        List<Candle> out = new ArrayList<>();
        if (!period.isIntraday()) {
            for (Candle c : longBars(period)) {
                if (c.openTime() >= from && c.openTime() < to) {
                    out.add(c);
                }
            }
            return out;
        }
        LocalDate first = max(firstDate(), localDate(from));
        LocalDate lastDate = min(lastDate(), localDate(to == Long.MIN_VALUE ? to : to - 1));
        for (LocalDate d = first; !d.isAfter(lastDate); d = d.plusDays(1)) {
            for (Candle c : dayBars(d, period)) {
                if (c.openTime() >= from && c.openTime() < to) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The {@code count} latest bars that open before {@code before}, oldest first. */
    public List<Candle> candlesBefore(BarPeriod period, long before, int count) {
        if (count <= 0) {
            return List.of();
        }
        if (!period.isIntraday()) {
            List<Candle> all = new ArrayList<>();
            for (Candle c : longBars(period)) {
                if (c.openTime() < before) {
                    all.add(c);
                }
            }
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }
        ArrayList<Candle> reversed = new ArrayList<>();
        LocalDate first = firstDate();
        for (LocalDate d = min(lastDate(), localDate(before == Long.MIN_VALUE ? before : before - 1));
                !d.isBefore(first) && reversed.size() < count; d = d.minusDays(1)) {
            List<Candle> day = dayBars(d, period);
            for (int i = day.size() - 1; i >= 0 && reversed.size() < count; i--) {
                if (day.get(i).openTime() < before) {
                    reversed.add(day.get(i));
                }
            }
        }
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The {@code count} earliest bars that open at or after {@code from}, oldest first. */
    public List<Candle> candlesFrom(BarPeriod period, long from, int count) {
        if (count <= 0) {
            return List.of();
        }
        List<Candle> out = new ArrayList<>();
        if (!period.isIntraday()) {
            for (Candle c : longBars(period)) {
                if (c.openTime() >= from && out.size() < count) {
                    out.add(c);
                }
            }
            return out;
        }
        LocalDate lastDate = lastDate();
        for (LocalDate d = max(firstDate(), localDate(from)); !d.isAfter(lastDate) && out.size() < count; d = d.plusDays(1)) {
            for (Candle c : dayBars(d, period)) {
                if (c.openTime() >= from && out.size() < count) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Intraday bars of one local date; buckets never span two dates because they align to local midnight. */
    private List<Candle> dayBars(LocalDate date, BarPeriod period) {
        List<Candle> minutes = history.covers(date)
                ? history.minuteBars(date)
                : candles.minuteBars(date.atStartOfDay(zone).toInstant().toEpochMilli(),
                        TradingCalendar.startOfNextDay(zone, date).toEpochMilli());
        return period == BarPeriod.MIN_1 ? minutes : CandleAggregator.resample(minutes, period, zone);
    }

    private List<Candle> longBars(BarPeriod period) {
        List<Candle> days = new ArrayList<>(history.dailyBars());
        days.addAll(CandleAggregator.resample(candles.minuteBars(Long.MIN_VALUE, Long.MAX_VALUE), BarPeriod.DAY, zone));
        return period == BarPeriod.DAY ? days : CandleAggregator.resample(days, period, zone);
    }

    private LocalDate firstDate() {
        if (!history.days().isEmpty()) {
            return history.days().get(0);
        }
        long earliest = candles.earliest();
        return earliest == Long.MAX_VALUE ? LocalDate.MAX : localDate(earliest);
    }

    private LocalDate lastDate() {
        Candle current = candles.current();
        if (current != null) {
            return localDate(current.openTime());
        }
        List<LocalDate> days = history.days();
        return days.isEmpty() ? LocalDate.MIN : days.get(days.size() - 1);
    }

    private LocalDate localDate(long millis) {
        if (millis == Long.MIN_VALUE) {
            return LocalDate.MIN;
        }
        if (millis == Long.MAX_VALUE) {
            return LocalDate.MAX;
        }
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

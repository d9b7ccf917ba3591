package io.brokergate.core.market.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId APPLE = InstrumentId.parse("AAPL.US");

    private static TradeTick trade(InstrumentId id, String at, String price, long qty) {
        return new TradeTick(id, new BigDecimal(price), BigDecimal.valueOf(qty), Instant.parse(at),
                TradeTick.Aggressor.UNKNOWN, SessionType.REGULAR);
    }

    private static Bar day(InstrumentId id, String date, String o, String h, String l, String c, long v) {
        return new Bar(id, BarPeriod.DAY, Instant.parse(date + "T00:00:00Z"), new BigDecimal(o), new BigDecimal(h),
                new BigDecimal(l), new BigDecimal(c), v, null);
    }

    private static void assertBar(Bar bar, String openTime, String o, String h, String l, String c, long v) {
        assertEquals(Instant.parse(openTime), bar.openTime(), "open time");
        assertEquals(0, bar.open().compareTo(new BigDecimal(o)), "open " + bar);
        assertEquals(0, bar.high().compareTo(new BigDecimal(h)), "high " + bar);
        assertEquals(0, bar.low().compareTo(new BigDecimal(l)), "low " + bar);
        assertEquals(0, bar.close().compareTo(new BigDecimal(c)), "close " + bar);
        assertEquals(v, bar.volume(), "volume " + bar);
    }

    @Test
    void tradesMakeMinuteBarsThatCloseWhenTheNextMinuteTrades() {
        CandleAggregator a = new CandleAggregator(TENCENT, BarPeriod.MIN_1);
        assertTrue(a.add(trade(TENCENT, "2026-03-02T01:30:05Z", "640", 100)).isEmpty());
        assertTrue(a.add(trade(TENCENT, "2026-03-02T01:30:30Z", "641.5", 200)).isEmpty());
        assertTrue(a.add(trade(TENCENT, "2026-03-02T01:30:59Z", "639", 100)).isEmpty());
        Optional<Bar> closed = a.add(trade(TENCENT, "2026-03-02T01:31:00Z", "640.5", 300));
        assertBar(closed.orElseThrow(), "2026-03-02T01:30:00Z", "640", "641.5", "639", "639", 400);
        assertEquals(0, closed.get().turnover().compareTo(new BigDecimal("256200")), "turnover = sum of price x quantity");
        assertBar(a.current().orElseThrow(), "2026-03-02T01:31:00Z", "640.5", "640.5", "640.5", "640.5", 300);
    }

    @Test
    void hourBarsStartOnTheHourOfExchangeTimeNotAtTheSessionOpen() {
        // 09:30 Hong Kong (01:30 UTC) falls into the 09:00 bar.
        CandleAggregator a = new CandleAggregator(TENCENT, BarPeriod.MIN_60);
        a.add(trade(TENCENT, "2026-03-02T01:30:00Z", "640", 100));
        assertEquals(Instant.parse("2026-03-02T01:00:00Z"), a.current().orElseThrow().openTime());
        // New York is UTC-5 in March before the switch: 09:30 local = 14:30 UTC, bar at 14:00 UTC.
        CandleAggregator us = new CandleAggregator(APPLE, BarPeriod.MIN_60);
        us.add(trade(APPLE, "2026-03-02T14:30:00Z", "265", 1));
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"), us.current().orElseThrow().openTime());
    }

    @Test
    void dayBarsAreStampedMidnightUtcOfTheExchangeDate() {
        // 20:00 New York on 2 March is 01:00 UTC on 3 March: still the 2 March trading day.
        CandleAggregator a = new CandleAggregator(APPLE, BarPeriod.DAY);
        a.add(trade(APPLE, "2026-03-02T15:00:00Z", "265", 10));
        a.add(trade(APPLE, "2026-03-03T01:00:00Z", "266", 5));
        assertBar(a.current().orElseThrow(), "2026-03-02T00:00:00Z", "265", "266", "265", "266", 15);
    }

    @Test
    void weeksAndMonthsAreStampedWithTheirFirstTradingDay() {
        // Monday 6 April 2026 is a holiday: the week's first trading day is Tuesday the 7th.
        List<Bar> days = List.of(day(TENCENT, "2026-04-02", "10", "11", "9", "10.5", 100),
                day(TENCENT, "2026-04-07", "10.5", "12", "10", "11", 200),
                day(TENCENT, "2026-04-08", "11", "11.5", "8", "9", 300));
        List<Bar> weeks = CandleAggregator.aggregate(TENCENT, BarPeriod.WEEK, days);
        assertEquals(2, weeks.size());
        assertBar(weeks.get(0), "2026-04-02T00:00:00Z", "10", "11", "9", "10.5", 100);
        assertBar(weeks.get(1), "2026-04-07T00:00:00Z", "10.5", "12", "8", "9", 500);
        List<Bar> months = CandleAggregator.aggregate(TENCENT, BarPeriod.MONTH, days);
        assertEquals(1, months.size());
        assertBar(months.get(0), "2026-04-02T00:00:00Z", "10", "12", "8", "9", 600);
    }

    @Test
    void barsBuiltFromTradesEqualBarsAggregatedFromTheirMinuteBars() {
        Random random = new Random(7);
        List<TradeTick> trades = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T01:30:00Z");
        BigDecimal price = new BigDecimal("640");
        for (int i = 0; i < 5_000; i++) {
            t = t.plusMillis(200 + random.nextInt(3_000));
            price = price.add(new BigDecimal(random.nextInt(5) - 2).multiply(new BigDecimal("0.5"))).max(BigDecimal.ONE);
            trades.add(new TradeTick(TENCENT, price, BigDecimal.valueOf(100L * (1 + random.nextInt(5))), t,
                    TradeTick.Aggressor.UNKNOWN, SessionType.REGULAR));
        }
        List<Bar> minutes = fromTrades(trades, BarPeriod.MIN_1);
        for (BarPeriod p : List.of(BarPeriod.MIN_5, BarPeriod.MIN_15, BarPeriod.MIN_30, BarPeriod.MIN_60, BarPeriod.DAY)) {
            assertEquals(fromTrades(trades, p), CandleAggregator.aggregate(TENCENT, p, minutes), p.toString());
        }
    }

    private static List<Bar> fromTrades(List<TradeTick> trades, BarPeriod period) {
        CandleAggregator a = new CandleAggregator(TENCENT, period);
        List<Bar> out = new ArrayList<>();
        trades.forEach(tr -> a.add(tr).ifPresent(out::add));
        a.current().ifPresent(out::add);
        return out;
    }

    @Test
    void aClosedBarNeverChangesLateInputIsIgnored() {
        CandleAggregator a = new CandleAggregator(TENCENT, BarPeriod.MIN_1);
        a.add(trade(TENCENT, "2026-03-02T01:30:10Z", "640", 100));
        Bar closed = a.add(trade(TENCENT, "2026-03-02T01:31:10Z", "641", 100)).orElseThrow();
        assertTrue(a.add(trade(TENCENT, "2026-03-02T01:30:50Z", "600", 100)).isEmpty());
        assertEquals(1, a.ignored());
        assertBar(closed, "2026-03-02T01:30:00Z", "640", "640", "640", "640", 100);
        assertBar(a.current().orElseThrow(), "2026-03-02T01:31:00Z", "641", "641", "641", "641", 100);
    }

    @Test
    void turnoverIsUnknownWhenAnyPartLacksIt() {
        List<Bar> days = List.of(day(TENCENT, "2026-04-01", "1", "1", "1", "1", 1),
                new Bar(TENCENT, BarPeriod.DAY, Instant.parse("2026-04-02T00:00:00Z"), BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ONE, BigDecimal.ONE, 1, BigDecimal.TEN));
        assertNull(CandleAggregator.aggregate(TENCENT, BarPeriod.MONTH, days).get(0).turnover());
    }

    @Test
    void periodsThatDoNotNestAreRefused() {
        CandleAggregator fifteen = new CandleAggregator(TENCENT, BarPeriod.MIN_15);
        Bar tenMinutesOfWeek = new Bar(TENCENT, BarPeriod.WEEK, Instant.parse("2026-04-06T00:00:00Z"), BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 1, null);
        assertThrows(IllegalArgumentException.class, () -> fifteen.add(tenMinutesOfWeek));
        CandleAggregator month = new CandleAggregator(TENCENT, BarPeriod.MONTH);
        assertThrows(IllegalArgumentException.class, () -> month.add(tenMinutesOfWeek));
        CandleAggregator minute = new CandleAggregator(TENCENT, BarPeriod.MIN_1);
        assertThrows(IllegalArgumentException.class, () -> minute.add(trade(APPLE, "2026-03-02T14:30:00Z", "1", 1)));
    }
}

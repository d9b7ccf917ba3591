package io.brokergate.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.Market.Region;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.Side;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentMarketTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final TradingCalendar CALENDAR = new TradingCalendar(TradingCalendar.defaultHolidays());

    private static MarketSettings settings(long seed) {
        return new MarketSettings(seed, 10, 60, 0.2 * 20 / (252 * 6.5 * 3600), 1e-5, 100, 10_000);
    }

    private static InstrumentMarket tencent(long seed) {
        return new InstrumentMarket(0, SimInstrument.stock("700.HK", "Tencent", 100, "640", 0.3), settings(seed), CALENDAR, START);
    }

    private static long hk(int hour, int minute) {
        return ZonedDateTime.of(START, java.time.LocalTime.of(hour, minute), ZoneId.of("Asia/Hong_Kong")).toInstant().toEpochMilli();
    }

    private static List<Long> run(InstrumentMarket m, int steps) {
        List<Long> prints = new ArrayList<>();
        long t = hk(10, 0);
        for (int i = 0; i < steps; i++) {
            t += 200;
            int n = m.step(t);
            for (int k = 0; k < n; k++) {
                prints.add(m.printPrice(k));
                prints.add(m.printQuantity(k));
                m.recordTrade(t, m.printPrice(k), m.printQuantity(k), m.printAggressor(k));
            }
        }
        return prints;
    }

    @Test
    void stepsAreDeterministicForASeed() {
        assertEquals(run(tencent(7), 3000), run(tencent(7), 3000));
        assertNotEquals(run(tencent(7), 3000), run(tencent(8), 3000));
    }

    @Test
    void everyGeneratedPriceAndSizeIsValid() {
        for (SimInstrument si : List.of(
                SimInstrument.stock("700.HK", "Tencent", 100, "640", 0.3),
                SimInstrument.stock("5.HK", "HSBC", 400, "105", 0.2),
                SimInstrument.stock("1810.HK", "Xiaomi", 200, "20", 0.9), // starts on a tier boundary
                SimInstrument.stock("AAPL.US", "Apple", 1, "1", 0.9), // crosses the sub-dollar tick
                SimInstrument.stock("600519.SH", "Moutai", 100, "1450", 0.22))) {
            InstrumentMarket m = new InstrumentMarket(0, si, settings(3), CALENDAR, START);
            long t = hk(10, 0);
            for (int i = 0; i < 4000; i++) {
                t += 200;
                int n = m.step(t);
                for (int k = 0; k < n; k++) {
                    assertTrue(m.ticks().isOnTick(m.printPrice(k)), si.id() + " print off tick");
                    assertTrue(m.printQuantity(k) > 0 && m.printQuantity(k) % m.lotSize() == 0, si.id() + " print not whole lots");
                }
                Ladder l = m.ladder();
                assertTrue(l.levels(Side.BUY) >= 10 && l.levels(Side.SELL) >= 10);
                assertTrue(l.price(Side.BUY, 0) < l.price(Side.SELL, 0));
                for (int lv = 0; lv < 10; lv++) {
                    assertTrue(m.ticks().isOnTick(l.price(Side.BUY, lv)) && m.ticks().isOnTick(l.price(Side.SELL, lv)));
                    assertEquals(0, l.size(Side.BUY, lv) % m.lotSize());
                    assertEquals(0, l.size(Side.SELL, lv) % m.lotSize());
                }
            }
        }
    }

    @Test
    void historyHasSixtyTradingDaysEndingAtTheStartPrice() {
        InstrumentMarket m = tencent(1);
        List<Candle> days = m.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(60, days.size());
        assertEquals(CALENDAR.tradingDaysBefore(Region.HK, START, 60), m.history().days());
        assertEquals(6_400_000, days.get(59).close(), "last history close is the start price");
        for (Candle d : days) {
            assertTrue(d.low() <= Math.min(d.open(), d.close()) && d.high() >= Math.max(d.open(), d.close()));
            assertTrue(m.ticks().isOnTick(d.open()) && m.ticks().isOnTick(d.high()) && m.ticks().isOnTick(d.low()));
            assertEquals(0, d.volume() % 100);
            assertTrue(d.volume() > 0);
        }
    }

    @Test
    void historyIsDeterministicAndDayBarsAggregateMinuteBars() {
        InstrumentMarket a = tencent(5);
        InstrumentMarket b = tencent(5);
        assertEquals(a.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE), b.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE));
        assertNotEquals(a.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE),
                tencent(6).candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE));
        LocalDate day = a.history().days().get(30);
        List<Candle> minutes = a.history().minuteBars(day);
        assertEquals(330, minutes.size(), "HK has 150 + 180 session minutes");
        assertEquals(minutes, b.history().minuteBars(day));
        Candle dayBar = CandleAggregator.resample(minutes, BarPeriod.DAY, a.zone()).get(0);
        assertTrue(a.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE).contains(dayBar));
        for (int i = 1; i < minutes.size(); i++) {
            assertEquals(minutes.get(i - 1).close(), minutes.get(i).open(), "minute bars join up");
        }
    }

    @Test
    void candleQueriesSpanHistoryAndLiveTrading() {
        InstrumentMarket m = tencent(2);
        run(m, 600); // two live minutes from 10:00
        List<Candle> latest = m.candlesBefore(BarPeriod.MIN_1, Long.MAX_VALUE, 400);
        assertEquals(400, latest.size());
        assertTrue(latest.get(399).openTime() >= hk(10, 0), "newest bars are live");
        assertTrue(latest.get(0).openTime() < hk(0, 0), "older bars come from history");
        for (int i = 1; i < latest.size(); i++) {
            assertTrue(latest.get(i).openTime() > latest.get(i - 1).openTime());
        }
        List<Candle> fromHistory = m.candlesFrom(BarPeriod.MIN_60, Long.MIN_VALUE, 10);
        assertEquals(10, fromHistory.size());
        assertEquals(61, m.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE).size(), "60 history days plus today");
        assertTrue(m.candles(BarPeriod.WEEK, Long.MIN_VALUE, Long.MAX_VALUE).size() >= 12);
        assertTrue(m.candles(BarPeriod.MONTH, Long.MIN_VALUE, Long.MAX_VALUE).size() >= 3);
    }

    @Test
    void anIndexIsQuotedAndChartedButHasNoLadder() {
        InstrumentMarket hsi = new InstrumentMarket(0, SimInstrument.index("HSI.HK", "Hang Seng Index", "25800", 0.2),
                settings(1), CALENDAR, START);
        assertEquals(0, hsi.ladder().levels(Side.BUY));
        int n = hsi.step(hk(10, 0));
        assertEquals(1, n);
        assertEquals(0, hsi.printQuantity(0));
        assertEquals(60, hsi.candles(BarPeriod.DAY, Long.MIN_VALUE, Long.MAX_VALUE).size());
    }
}

package io.brokergate.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeCoreMarketTest extends CoreFixture {

    @Test
    void listsTheDefaultInstrumentsWithRealLotSizes() {
        assertEquals(12, core.instruments().size());
        assertEquals(0, d("100").compareTo(core.instrument(TENCENT).orElseThrow().lotSize()));
        assertEquals(0, d("400").compareTo(core.instrument(HSBC).orElseThrow().lotSize()));
        assertEquals(0, d("1").compareTo(core.instrument(APPLE).orElseThrow().lotSize()));
        Instrument hsi = core.instrument(HSI).orElseThrow();
        assertTrue(!hsi.isTradable());
        assertTrue(core.instrument(io.brokergate.core.instrument.InstrumentId.parse("NOPE.HK")).isEmpty());
    }

    @Test
    void everyTradableInstrumentShowsTenLevelsPerSideOnTickInWholeLots() {
        steps(50);
        for (Instrument i : core.instruments()) {
            Depth depth = core.depth(i.id());
            Quote quote = core.quote(i.id());
            assertNotNull(quote);
            if (!i.isTradable()) {
                assertTrue(depth.bids().isEmpty() && depth.asks().isEmpty());
                assertNull(quote.bid());
                continue;
            }
            assertEquals(10, depth.bids().size(), i.id().toString());
            assertEquals(10, depth.asks().size(), i.id().toString());
            assertTrue(depth.bids().get(0).price().compareTo(depth.asks().get(0).price()) < 0, "bid below ask");
            for (List<DepthLevel> side : List.of(depth.bids(), depth.asks())) {
                for (DepthLevel l : side) {
                    assertTrue(i.ticks().isOnTick(l.price()), i.id() + " " + l.price());
                    assertTrue(i.isWholeLots(l.quantity()), i.id() + " " + l.quantity());
                }
            }
            assertEquals(0, depth.bids().get(0).price().compareTo(quote.bid()));
            assertEquals(0, depth.asks().get(0).price().compareTo(quote.ask()));
            assertTrue(i.ticks().isOnTick(quote.last()));
        }
    }

    @Test
    void theQuoteStartsAtTheStartPriceWithItAsPreviousClose() {
        Quote q = core.quote(TENCENT);
        assertTrue(same("640", q.last()));
        assertTrue(same("640", q.prevClose()));
        assertNull(q.open(), "no trade yet today");
        assertTrue(same("640", q.bid()));
        assertTrue(same("640.5", q.ask()));
    }

    private static List<Object> run(long seed) {
        ManualClock clock = ManualClock.at(2026, 3, 2, 10, 0, "Asia/Hong_Kong");
        EventLog log = new EventLog();
        ExchangeCore core = new ExchangeCore(SimConfig.defaults().toBuilder().seed(seed).build(), clock, log);
        for (int i = 0; i < 1500; i++) {
            clock.advance(Duration.ofMillis(200));
            core.step();
        }
        List<Object> everything = new ArrayList<>(log.trades);
        everything.addAll(log.quotes);
        everything.addAll(log.depths);
        for (Instrument i : core.instruments()) {
            everything.addAll(core.candles(i.id(), BarPeriod.MIN_1, null, null));
            everything.addAll(core.candles(i.id(), BarPeriod.DAY, null, null));
        }
        return everything;
    }

    @Test
    void theSameSeedAndStepsGiveTheSamePricesTradesAndCandles() {
        List<Object> first = run(2024);
        assertEquals(first, run(2024));
        assertNotEquals(first, run(2025));
    }

    @Test
    void marketPrintsAreOnTickInWholeLotsAndMoveTheLastPrice() {
        steps(500);
        assertTrue(events.trades.size() > 300);
        for (TradeTick t : events.trades) {
            Instrument i = core.instrument(t.instrument()).orElseThrow();
            assertTrue(i.ticks().isOnTick(t.price()));
            assertTrue(i.isWholeLots(t.quantity()));
        }
        Quote q = core.quote(TENCENT);
        assertTrue(q.high().compareTo(d("640")) > 0 || q.low().compareTo(d("640")) < 0,
                "in 100 seconds Tencent traded away from 640 at least once");
        assertTrue(core.quote(HSI).last() != null);
    }

    @Test
    void minuteBarsAreTheTradesOfTheirMinuteAndFiveMinuteBarsAggregateThem() {
        Instant start = clock.now();
        for (int i = 0; i < 1800; i++) { // six minutes
            clock.advance(Duration.ofMillis(200));
            core.step();
            if (i == 700) {
                core.placeOrder(Orders.market(A, TENCENT, Side.BUY, 300)); // client fills are trades too
            }
        }
        List<TradeTick> trades = new ArrayList<>();
        for (TradeTick t : events.trades) {
            if (t.instrument().equals(TENCENT)) {
                trades.add(t);
            }
        }
        List<Bar> minutes = core.candles(TENCENT, BarPeriod.MIN_1, start, null);
        assertTrue(minutes.size() >= 6);
        for (Bar bar : minutes) {
            List<TradeTick> in = new ArrayList<>();
            for (TradeTick t : trades) {
                if (!t.timestamp().isBefore(bar.openTime()) && t.timestamp().isBefore(bar.openTime().plusSeconds(60))) {
                    in.add(t);
                }
            }
            assertEquals(0, in.get(0).price().compareTo(bar.open()));
            assertEquals(0, in.get(in.size() - 1).price().compareTo(bar.close()));
            assertEquals(0, in.stream().map(TradeTick::price).max(BigDecimal::compareTo).orElseThrow().compareTo(bar.high()));
            assertEquals(0, in.stream().map(TradeTick::price).min(BigDecimal::compareTo).orElseThrow().compareTo(bar.low()));
            assertEquals(in.stream().mapToLong(t -> t.quantity().longValueExact()).sum(), bar.volume());
            assertEquals(0, in.stream().map(t -> t.price().multiply(t.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .compareTo(bar.turnover()));
        }
        List<Bar> fives = core.candles(TENCENT, BarPeriod.MIN_5, start, null);
        for (Bar five : fives) {
            List<Bar> parts = new ArrayList<>();
            for (Bar m : minutes) {
                if (!m.openTime().isBefore(five.openTime()) && m.openTime().isBefore(five.openTime().plusSeconds(300))) {
                    parts.add(m);
                }
            }
            assertEquals(0, parts.get(0).open().compareTo(five.open()));
            assertEquals(0, parts.get(parts.size() - 1).close().compareTo(five.close()));
            assertEquals(0, parts.stream().map(Bar::high).max(BigDecimal::compareTo).orElseThrow().compareTo(five.high()));
            assertEquals(0, parts.stream().map(Bar::low).min(BigDecimal::compareTo).orElseThrow().compareTo(five.low()));
            assertEquals(parts.stream().mapToLong(Bar::volume).sum(), five.volume());
            assertEquals(BarPeriod.MIN_5, five.period());
        }
        Quote q = core.quote(TENCENT);
        assertEquals(trades.stream().mapToLong(t -> t.quantity().longValueExact()).sum(), q.volume(), "day volume");
    }

    @Test
    void historyCandlesExistBeforeTheStartAndAreDeterministic() {
        List<Bar> days = core.candlesBefore(TENCENT, BarPeriod.DAY, clock.now(), 1000);
        assertEquals(60, days.size());
        assertTrue(same("640", days.get(59).close()));
        ExchangeCore twin = new ExchangeCore(SimConfig.defaults(), clock, null);
        assertEquals(days, twin.candlesBefore(TENCENT, BarPeriod.DAY, clock.now(), 1000));
        List<Bar> lastHistoryMinutes = core.candlesBefore(TENCENT, BarPeriod.MIN_1, clock.now(), 330);
        assertEquals(330, lastHistoryMinutes.size(), "a full HK trading day of minutes");
        assertTrue(same("640", lastHistoryMinutes.get(329).close()));
        assertEquals(lastHistoryMinutes, twin.candlesBefore(TENCENT, BarPeriod.MIN_1, clock.now(), 330));
        List<Bar> early = core.candlesFrom(TENCENT, BarPeriod.MIN_30, days.get(0).openTime(), 11);
        assertEquals(11, early.size(), "the first history day has 11 half-hour bars (09:30 .. 15:30)");
        assertEquals(days.get(0).openTime().plus(Duration.ofHours(9).plusMinutes(30)), early.get(0).openTime());
        assertEquals(60, core.candles(APPLE, BarPeriod.DAY, null, clock.now()).size());
        assertTrue(core.candles(MOUTAI, BarPeriod.MONTH, null, null).size() >= 3);
    }

    @Test
    void movePriceRecentresTheLadderAndPrints() {
        BigDecimal used = core.movePrice(TENCENT, d("600.2"));
        assertTrue(same("600", used), "600.2 snaps to the 0.5 tick");
        Quote q = core.quote(TENCENT);
        assertTrue(same("600", q.last()));
        assertTrue(same("600", q.bid()));
        assertTrue(same("600.5", q.ask()));
        TradeTick print = events.trades.get(events.trades.size() - 1);
        assertTrue(same("600", print.price()));
        assertEquals(TradeTick.Aggressor.SELLER, print.aggressor());
        assertEquals(ErrorCode.NOT_FOUND,
                org.junit.jupiter.api.Assertions.assertThrows(GatewayException.class,
                        () -> core.movePrice(io.brokergate.core.instrument.InstrumentId.parse("X.HK"), d("1"))).code());
    }

    @Test
    void sessionsStopTheGeneratorWhenEnforced() {
        newCore(SimConfig.defaults().toBuilder().enforceSessions(true).build());
        clock.set(clock.now().plus(Duration.ofHours(2).plusMinutes(30))); // 12:30 HK: lunch
        BigDecimal before = core.quote(TENCENT).last();
        events.trades.clear();
        steps(100);
        assertTrue(events.trades.stream().noneMatch(t -> t.instrument().market() == io.brokergate.core.instrument.Market.HK));
        assertEquals(0, before.compareTo(core.quote(TENCENT).last()));
        assertEquals(io.brokergate.core.market.TradingPhase.CLOSED, core.quote(TENCENT).phase());
        assertTrue(!core.isOpen(io.brokergate.core.instrument.Market.HK));
    }

    @Test
    void aPausedGeneratorIgnoresTheDriverButNotManualSteps() {
        core.setGeneratorPaused(true);
        events.trades.clear();
        clock.advance(Duration.ofMillis(200));
        core.tick();
        assertTrue(events.trades.isEmpty());
        core.step();
        assertTrue(!events.trades.isEmpty());
        core.setGeneratorPaused(false);
        events.trades.clear();
        clock.advance(Duration.ofMillis(200));
        core.tick();
        assertTrue(!events.trades.isEmpty() || !events.quotes.isEmpty());
    }

    @Test
    void recentTradesComeFromTheTape() {
        steps(100);
        List<TradeTick> tape = core.recentTrades(TENCENT, 5);
        assertTrue(tape.size() <= 5 && !tape.isEmpty());
        TradeTick newest = tape.get(tape.size() - 1);
        TradeTick lastSeen = null;
        for (TradeTick t : events.trades) {
            if (t.instrument().equals(TENCENT)) {
                lastSeen = t;
            }
        }
        assertEquals(lastSeen, newest);
    }
}

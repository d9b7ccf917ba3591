package io.brokergate.stream.tradingview.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.candles.TradingDayBar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingLinesTest {

    private static final InstrumentId APPLE = InstrumentId.parse("AAPL.US");

    @Test
    void dailyBarsUseTheSameTradingDayRuleAsHistory() {
        // 02:00 UTC on the 21st is still the 20th in New York: the bar is stamped 2026-11-20 00:00 UTC
        Quote q = quote("190.5", Instant.parse("2026-11-21T02:00:00Z"));
        StringBuilder out = new StringBuilder();
        new StreamingLines(false).quote(q, out);
        long expected = TradingDayBar.of(q).orElseThrow().openTime().getEpochSecond();
        assertEquals(Instant.parse("2026-11-20T00:00:00Z").getEpochSecond(), expected);
        assertEquals("{\"f\":\"d\",\"id\":\"AAPL.US\",\"o\":189,\"h\":191,\"l\":188,\"c\":190.5,\"v\":5000,\"t\":" + expected + "}\n",
                out.toString());
    }

    @Test
    void onlyChangesGoOutAndTimesNeverGoBack() {
        StreamingLines lines = new StreamingLines(false);
        Instant t0 = Instant.parse("2026-11-20T15:00:10Z");
        StringBuilder out = new StringBuilder();
        lines.depth(book("190.1", "190.2", t0), out);
        lines.depth(book("190.1", "190.2", t0.plusSeconds(5)), out); // same top of book: nothing
        lines.depth(book("190.1", "190.3", t0.minusSeconds(3)), out); // an older stamp must not move time back
        lines.trades(List.of(new TradeTick(APPLE, new BigDecimal("190.2"), new BigDecimal("10"), t0, null, null),
                new TradeTick(APPLE, new BigDecimal("190.3"), new BigDecimal("5"), t0.minusSeconds(1), null, null)), out);
        long s = t0.getEpochSecond();
        assertEquals("{\"f\":\"q\",\"id\":\"AAPL.US\",\"t\":" + s + ",\"ap\":190.2,\"as\":1,\"bp\":190.1,\"bs\":1}\n"
                + "{\"f\":\"q\",\"id\":\"AAPL.US\",\"t\":" + s + ",\"ap\":190.3,\"as\":1,\"bp\":190.1,\"bs\":1}\n"
                + "{\"f\":\"t\",\"id\":\"AAPL.US\",\"p\":190.2,\"s\":10,\"t\":" + s + "}\n"
                + "{\"f\":\"t\",\"id\":\"AAPL.US\",\"p\":190.3,\"s\":5,\"t\":" + s + "}\n", out.toString());
    }

    @Test
    void aBrokerWithoutTradesGetsSyntheticTradesAtTheBid() {
        StringBuilder out = new StringBuilder();
        new StreamingLines(true).depth(book("10.5", "10.6", Instant.ofEpochSecond(1_800_000_000)), out);
        assertEquals("{\"f\":\"q\",\"id\":\"AAPL.US\",\"t\":1800000000,\"ap\":10.6,\"as\":1,\"bp\":10.5,\"bs\":1}\n"
                + "{\"f\":\"t\",\"id\":\"AAPL.US\",\"p\":10.5,\"s\":1,\"t\":1800000000}\n", out.toString());
    }

    @Test
    void aQuoteWithoutBothSidesIsNotSent() {
        StringBuilder out = new StringBuilder();
        new StreamingLines(false).quote(new Quote(APPLE, null, null, null, null, null, new BigDecimal("1"), BigDecimal.ONE,
                null, null, 0, null, null, Instant.now()), out);
        assertEquals("", out.toString());
    }

    private static Quote quote(String last, Instant at) {
        return new Quote(APPLE, new BigDecimal(last), new BigDecimal("189"), new BigDecimal("191"), new BigDecimal("188"),
                null, null, null, null, null, 5000, null, null, at);
    }

    private static Depth book(String bid, String ask, Instant at) {
        return new Depth(APPLE, List.of(new DepthLevel(new BigDecimal(bid), BigDecimal.ONE, 1)),
                List.of(new DepthLevel(new BigDecimal(ask), BigDecimal.ONE, 1)), at);
    }
}

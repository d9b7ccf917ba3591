package io.brokergate.quote.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.FeedScope;
import io.brokergate.quote.feeds.ScopedInstrument;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveMinuteBarsTest {

    static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    static final ScopedInstrument KEY = new ScopedInstrument(new FeedScope("t", BrokerId.PAPER), TENCENT);
    static final long SECOND = 1_000_000_000L;

    static TradeTick trade(String at, String price) {
        return new TradeTick(TENCENT, new BigDecimal(price), BigDecimal.valueOf(100), Instant.parse(at),
                TradeTick.Aggressor.UNKNOWN, SessionType.REGULAR);
    }

    /** Only {@code history.live-gap} is read. */
    static QuoteConfig config(Duration liveGap) {
        QuoteConfig.History history = (QuoteConfig.History) Proxy.newProxyInstance(QuoteConfig.class.getClassLoader(),
                new Class<?>[]{QuoteConfig.History.class}, (p, m, a) -> liveGap);
        return (QuoteConfig) Proxy.newProxyInstance(QuoteConfig.class.getClassLoader(), new Class<?>[]{QuoteConfig.class},
                (p, m, a) -> history);
    }

    @Test
    void barsAnswerFromTheFirstWholeMinuteWhilePushesKeepComing() {
        LiveMinuteBars live = new LiveMinuteBars(config(Duration.ofSeconds(10)));
        live.onTrades(KEY, List.of(trade("2026-03-02T02:00:30Z", "640")), 0);
        live.onTrades(KEY, List.of(trade("2026-03-02T02:01:10Z", "641"), trade("2026-03-02T02:01:50Z", "642")), SECOND);
        live.onTrades(KEY, List.of(trade("2026-03-02T02:02:05Z", "643")), 2 * SECOND);
        Instant minute1 = Instant.parse("2026-03-02T02:01:00Z");
        Optional<List<Bar>> bars = live.minutes(KEY, minute1, Instant.parse("2026-03-02T02:03:00Z"), 3 * SECOND);
        assertEquals(2, bars.orElseThrow().size());
        assertEquals(0, bars.get().get(0).close().compareTo(new BigDecimal("642")));
        assertEquals(0, bars.get().get(1).open().compareTo(new BigDecimal("643")), "the open minute");
        assertTrue(live.minutes(KEY, Instant.parse("2026-03-02T02:00:00Z"), minute1, 3 * SECOND).isEmpty(),
                "the first minute may have missed trades before the pushes started");
        assertTrue(live.minutes(KEY, minute1, Instant.parse("2026-03-02T02:03:00Z"), 13 * SECOND).isEmpty(),
                "no push for longer than the live gap: not known to be complete");
    }

    @Test
    void aGapInThePushesOrALostPushStartsOver() {
        LiveMinuteBars live = new LiveMinuteBars(config(Duration.ofSeconds(10)));
        live.onTrades(KEY, List.of(trade("2026-03-02T02:00:30Z", "640")), 0);
        live.onTrades(KEY, List.of(trade("2026-03-02T02:05:10Z", "641")), 20 * SECOND);
        assertTrue(live.minutes(KEY, Instant.parse("2026-03-02T02:05:00Z"), Instant.parse("2026-03-02T02:06:00Z"),
                21 * SECOND).isEmpty(), "after a 20 s silence, the minute the pushes resumed in is not complete");
        live.onTrades(KEY, List.of(trade("2026-03-02T02:06:10Z", "642")), 22 * SECOND);
        assertEquals(1, live.minutes(KEY, Instant.parse("2026-03-02T02:06:00Z"), Instant.parse("2026-03-02T02:07:00Z"),
                23 * SECOND).orElseThrow().size());
        live.forget(KEY);
        assertTrue(live.minutes(KEY, Instant.parse("2026-03-02T02:06:00Z"), Instant.parse("2026-03-02T02:07:00Z"),
                23 * SECOND).isEmpty());
    }
}

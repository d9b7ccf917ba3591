package io.brokergate.quote.candles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.candles.TradingDayBar;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.quote.candles.HistoryTest.TvBar;
import io.brokergate.quote.testing.AcceleratedMarketProfile;
import io.brokergate.quote.testing.SimMarket;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * TradingView builds bars from the stream and compares them with {@code /history}: at most 5 %
 * may differ, and history must not change afterwards. Here an hour of trading runs on the paper
 * exchange's manual clock (720 steps of 5 s) while the owner's socket streams the trades; the bars
 * built from those pushed trades must equal what {@code /history} serves for the same hour (≥ 99 %),
 * and every bar history served as closed during the hour must still be the same at the end.
 */
@QuarkusTest
@TestProfile(AcceleratedMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class StreamedBarsMatchHistoryTest {

    static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    static final long HOUR = 3600;

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;

    List<TvBar> history(String resolution, long from, long to) {
        return HistoryTest.bars(given().auth().oauth2(Tokens.server(TestAccounts.TENANT_A)).queryParam("symbol", "700.HK")
                .queryParam("resolution", resolution).queryParam("from", from).queryParam("to", to).get("/tv/history")
                .then().statusCode(200).body("s", is("ok")).extract().asString());
    }

    @Test
    void anHourOfStreamedTradesBuildsTheBarsThatHistoryServes() {
        Tokens.publish(auth);
        market.subscribe(TestAccounts.A, Set.of(TENCENT), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.TRADES));
        market.clearTrades();
        long start = market.manualClock().now().getEpochSecond();
        Map<Long, TvBar> servedClosed = new HashMap<>();
        for (int step = 1; step <= 720; step++) {
            market.step(Duration.ofSeconds(5));
            if (step % 60 == 0) {
                // TradingView polls the last 20 minutes; remember what was served as closed.
                long now = market.manualClock().now().getEpochSecond();
                long settled = (now - 2) / 60 * 60;
                for (TvBar b : history("1", now - 1200, now)) {
                    if (b.t() < settled) {
                        TvBar before = servedClosed.putIfAbsent(b.t(), b);
                        assertTrue(before == null || before.equals(b), "a closed bar changed: " + before + " -> " + b);
                    }
                }
            }
        }
        long end = start + HOUR;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<Long, TvBar> streamed = minuteBars(market.pushedTrades(TestAccounts.A), start, end);
            List<TvBar> served = history("1", start, end - 1);
            assertTrue(streamed.size() >= 55, "an hour of minute bars from the stream: " + streamed.size());
            assertMostlyEqual(streamed, served);
            assertMostlyEqual(fiveMinutes(streamed, start), history("5", start, end - 1));
        });
        List<TvBar> finalBars = history("1", start, end - 1);
        for (TvBar b : finalBars) {
            TvBar seen = servedClosed.get(b.t());
            assertTrue(seen == null || seen.equals(b), "history changed after the bar closed: " + seen + " -> " + b);
        }
        assertTrue(servedClosed.size() >= 45, "closed bars were served during the hour: " + servedClosed.size());

        // The stream's daily bar (TradingDayBar of the pushed quote) is /history's bar of the day.
        Quote last = market.lastPushedQuote(TestAccounts.A, TENCENT).orElseThrow();
        Bar streamedDay = TradingDayBar.of(last).orElseThrow();
        long day = streamedDay.openTime().getEpochSecond();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<TvBar> days = history("D", day, end);
            assertEquals(1, days.size(), days.toString());
            assertEquals(normalized(new TvBar(day, streamedDay.open(), streamedDay.high(), streamedDay.low(),
                    streamedDay.close(), streamedDay.volume())), normalized(days.get(0)));
        });
    }

    /** At least 99 % of the bars agree, counted over the larger of the two sets. */
    static void assertMostlyEqual(Map<Long, TvBar> streamed, List<TvBar> served) {
        int same = 0;
        for (TvBar b : served) {
            TvBar s = streamed.get(b.t());
            if (s != null && normalized(s).equals(normalized(b))) {
                same++;
            }
        }
        int total = Math.max(streamed.size(), served.size());
        assertTrue(same >= Math.ceil(0.99 * total), same + " of " + total + " bars agree; streamed " + streamed.values()
                + " served " + served);
    }

    /** Minute bars from pushed trades, the way a client of the stream builds them. */
    static Map<Long, TvBar> minuteBars(List<TradeTick> trades, long from, long to) {
        TreeMap<Long, TvBar> out = new TreeMap<>();
        for (TradeTick t : trades) {
            long s = t.timestamp().getEpochSecond();
            if (!t.instrument().equals(TENCENT) || s < from || s >= to) {
                continue;
            }
            long minute = s / 60 * 60;
            TvBar one = new TvBar(minute, t.price(), t.price(), t.price(), t.price(), t.quantity().longValue());
            out.merge(minute, one, HistoryTest::merge);
        }
        return out;
    }

    static Map<Long, TvBar> fiveMinutes(Map<Long, TvBar> minutes, long start) {
        Map<Long, TvBar> out = new TreeMap<>();
        HistoryTest.aggregate(new ArrayList<>(minutes.values()), 300, start).forEach(b -> out.put(b.t(), b));
        return out;
    }

    static TvBar normalized(TvBar b) {
        return new TvBar(b.t(), b.o().stripTrailingZeros(), b.h().stripTrailingZeros(), b.l().stripTrailingZeros(),
                b.c().stripTrailingZeros(), b.v());
    }

}

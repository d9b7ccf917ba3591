package io.brokergate.quote.candles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.quote.testing.SimMarketProfile;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TradingView's history rules against the paper exchange's generated past (30 trading days before
 * today): inclusive ranges, daily bars at 00:00 UTC of the trading day, weeks and months at their
 * first trading day, no gaps, repeatable answers, short queries that add up to a long one.
 */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class HistoryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    static final long DAY = 86_400;

    /** One bar as TradingView reads it. */
    record TvBar(long t, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, long v) {
    }

    @InjectFakeAuthServer
    FakeAuthServer auth;
    String token;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        token = Tokens.server(TestAccounts.TENANT_A);
    }

    List<TvBar> history(String symbol, String resolution, long from, long to) {
        String body = given().auth().oauth2(token).queryParams(Map.of("symbol", symbol, "resolution", resolution,
                "from", Long.toString(from), "to", Long.toString(to))).get("/tv/history").then().statusCode(200)
                .body("s", is("ok")).extract().asString();
        return bars(body);
    }

    static List<TvBar> bars(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            List<TvBar> out = new ArrayList<>();
            for (int i = 0; i < n.path("t").size(); i++) {
                out.add(new TvBar(n.path("t").get(i).asLong(), n.path("o").get(i).decimalValue(), n.path("h").get(i).decimalValue(),
                        n.path("l").get(i).decimalValue(), n.path("c").get(i).decimalValue(), n.path("v").get(i).asLong()));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The trading days of HK in the window, from the calendar endpoint. */
    List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<String> days = given().auth().oauth2(Tokens.user(TestAccounts.TENANT_A)).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/v1/calendar/HK").then().statusCode(200).extract().jsonPath()
                .getList("trading_days");
        return days.stream().map(LocalDate::parse).toList();
    }

    @Test
    void dailyBarsAreMidnightUtcOfEveryTradingDayWithoutGaps() {
        List<TvBar> days = history("700.HK", "D", now() - 60 * DAY, now());
        assertTrue(days.size() >= 25, "the generated past: " + days.size());
        for (TvBar b : days) {
            assertEquals(0, b.t() % DAY, "00:00 UTC");
            DayOfWeek dow = LocalDate.ofEpochDay(b.t() / DAY).getDayOfWeek();
            assertNotEquals(DayOfWeek.SATURDAY, dow);
            assertNotEquals(DayOfWeek.SUNDAY, dow);
            assertTrue(b.l().compareTo(b.o().min(b.c())) <= 0 && b.h().compareTo(b.o().max(b.c())) >= 0, b.toString());
        }
        LocalDate first = LocalDate.ofEpochDay(days.get(0).t() / DAY);
        LocalDate last = LocalDate.ofEpochDay(days.get(days.size() - 1).t() / DAY);
        List<LocalDate> stamped = days.stream().map(b -> LocalDate.ofEpochDay(b.t() / DAY)).toList();
        assertEquals(tradingDays(first, last), stamped, "a bar for every trading day, none for other days");
    }

    @Test
    void rangesAreInclusiveAndEmptyWhereThereIsNoData() {
        List<TvBar> days = history("9988.HK", "D", now() - 20 * DAY, now());
        TvBar one = days.get(days.size() / 2);
        assertEquals(List.of(one), history("9988.HK", "D", one.t(), one.t()), "from = to returns that bar");
        assertEquals(List.of(), history("9988.HK", "D", one.t() + 1, one.t() + DAY - 1), "between two days: nothing");
        assertEquals(List.of(), history("9988.HK", "D", 946_684_800, 950_000_000), "beyond the left boundary: empty");
        assertEquals(days, history("9988.HK", "D", now() - 20 * DAY, now()), "repeatable");
    }

    @Test
    void shortQueriesAddUpToTheLongOne() {
        long from = now() - 28 * DAY;
        List<TvBar> all = history("5.HK", "D", from, now());
        List<TvBar> parts = new ArrayList<>();
        for (long a = from; a <= now(); a += 7 * DAY) {
            parts.addAll(history("5.HK", "D", a, Math.min(a + 7 * DAY - 1, now())));
        }
        assertEquals(all, parts);

        LocalDate day = LocalDate.ofEpochDay(all.get(all.size() - 3).t() / DAY);
        long open = day.atStartOfDay(HONG_KONG).toEpochSecond();
        List<TvBar> minutes = history("5.HK", "1", open, open + DAY - 1);
        List<TvBar> minuteParts = new ArrayList<>();
        for (long a = open; a < open + DAY; a += 6 * 3600) {
            minuteParts.addAll(history("5.HK", "1", a, a + 6 * 3600 - 1));
        }
        assertEquals(minutes, minuteParts);
    }

    @Test
    void aHistoricDayHasAMinuteBarForEveryMinuteOfItsSessions() {
        List<TvBar> days = history("1810.HK", "D", now() - 10 * DAY, now());
        LocalDate day = LocalDate.ofEpochDay(days.get(days.size() - 2).t() / DAY);
        long open = day.atStartOfDay(HONG_KONG).toEpochSecond();
        List<TvBar> minutes = history("1810.HK", "1", open, open + DAY - 1);
        assertEquals(330, minutes.size(), "09:30-12:00 and 13:00-16:00");
        assertEquals(day.atTime(LocalTime.of(9, 30)).atZone(HONG_KONG).toEpochSecond(), minutes.get(0).t());
        for (int i = 1; i < minutes.size(); i++) {
            long gap = minutes.get(i).t() - minutes.get(i - 1).t();
            assertTrue(gap == 60 || gap == 3600 + 60, "consecutive minutes (the lunch break aside): " + gap);
        }
        TvBar daily = days.get(days.size() - 2);
        assertEquals(daily.v(), minutes.stream().mapToLong(TvBar::v).sum(), "the day is the sum of its minutes");
        assertEquals(0, daily.o().compareTo(minutes.get(0).o()));
        assertEquals(0, daily.c().compareTo(minutes.get(minutes.size() - 1).c()));
    }

    @Test
    void intradayBarsAreAggregatedFromMinutesOnLocalMidnightBuckets() {
        List<TvBar> days = history("3690.HK", "D", now() - 10 * DAY, now());
        LocalDate day = LocalDate.ofEpochDay(days.get(days.size() - 2).t() / DAY);
        long open = day.atStartOfDay(HONG_KONG).toEpochSecond();
        List<TvBar> minutes = history("3690.HK", "1", open, open + DAY - 1);
        for (int period : List.of(5, 15, 30, 60)) {
            List<TvBar> bars = history("3690.HK", Integer.toString(period), open, open + DAY - 1);
            assertEquals(aggregate(minutes, period * 60L, open), bars, period + " minutes");
        }
        List<TvBar> hours = history("3690.HK", "60", open, open + DAY - 1);
        assertEquals(day.atTime(9, 0).atZone(HONG_KONG).toEpochSecond(), hours.get(0).t(), "09:30 opens the 09:00 bar");
        assertEquals(6, hours.size(), "09, 10, 11, 13, 14, 15 o'clock");
    }

    @Test
    void weeksAndMonthsAreTheirDaysStampedWithTheirFirstTradingDay() {
        long from = now() - 40 * DAY;
        List<TvBar> days = history("700.HK", "D", from - 40 * DAY, now());
        List<TvBar> weeks = history("700.HK", "W", from, now());
        List<TvBar> months = history("700.HK", "M", from - 40 * DAY, now());
        assertEquals(groupDays(days, true).values().stream().filter(w -> w.t() >= from).toList(), weeks);
        assertEquals(new ArrayList<>(groupDays(days, false).values()), months);
    }

    @Test
    void countbackAndTheNativeEndpointGiveTheLatestBars() {
        List<TvBar> days = history("MSFT.US", "D", now() - 30 * DAY, now());
        String body = given().auth().oauth2(token).queryParams(Map.of("symbol", "MSFT.US", "resolution", "D",
                "from", "0", "to", Long.toString(now()), "countback", "5")).get("/tv/history").then().statusCode(200)
                .extract().asString();
        assertEquals(days.subList(days.size() - 5, days.size()), bars(body));
        given().auth().oauth2(Tokens.user(TestAccounts.TENANT_A)).queryParams(Map.of("symbol", "MSFT.US", "resolution", "D",
                "limit", "5")).get("/v1/candles").then().statusCode(200).body("resolution", is("1D"))
                .body("bars", hasSize(5)).body("bars[4].time", is(Instant.ofEpochSecond(days.get(days.size() - 1).t()).toString()));
    }

    @Test
    void badRequestsToTheNativeEndpointAreProblems() {
        String user = Tokens.user(TestAccounts.TENANT_A);
        given().auth().oauth2(user).queryParams(Map.of("symbol", "700.HK", "resolution", "3")).get("/v1/candles").then()
                .statusCode(400).body("detail", is("unsupported resolution '3': use 1, 5, 15, 30, 60, D (1D), W (1W) or M (1M)"));
        given().auth().oauth2(user).queryParams(Map.of("symbol", "700.HK", "resolution", "D", "from", "1772409600",
                "to", "1772323200")).get("/v1/candles").then().statusCode(400)
                .body("detail", is("from (2026-03-02T00:00:00Z) is after to (2026-03-01T00:00:00Z)"));
        given().auth().oauth2(user).queryParams(Map.of("symbol", "700.HK", "resolution", "D", "from", "1900-01-01T00:00:00Z",
                "to", "2000-01-01T00:00:00Z")).get("/v1/candles").then().statusCode(400)
                .body("detail", containsString("a range of 36524 days is too long for resolution 1D: at most 10958 days"));
        given().auth().oauth2(user).queryParams(Map.of("symbol", "700.HK", "resolution", "1", "from", "1772323200",
                "to", "1776000000")).get("/v1/candles").then().statusCode(400)
                .body("detail", containsString("at most 31 days per request"));
        given().auth().oauth2(user).queryParams(Map.of("symbol", "700.HK", "resolution", "D", "limit", "0")).get("/v1/candles")
                .then().statusCode(400).body("detail", is("limit must be a whole number from 1 to 50000"));
        given().auth().oauth2(user).queryParams(Map.of("symbol", "700.HK", "resolution", "D", "from", "yesterday"))
                .get("/v1/candles").then().statusCode(400).body("detail", containsString("from must be Unix seconds"));
        given().auth().oauth2(user).queryParams(Map.of("symbol", "ZZZZ.HK", "resolution", "D")).get("/v1/candles").then()
                .statusCode(404).body("detail", is("unknown symbol ZZZZ.HK"));
    }

    /** Minute bars into buckets of {@code seconds} counted from local midnight {@code midnight}. */
    static List<TvBar> aggregate(List<TvBar> minutes, long seconds, long midnight) {
        TreeMap<Long, TvBar> out = new TreeMap<>();
        for (TvBar m : minutes) {
            long bucket = midnight + (m.t() - midnight) / seconds * seconds;
            out.merge(bucket, new TvBar(bucket, m.o(), m.h(), m.l(), m.c(), m.v()), HistoryTest::merge);
        }
        return new ArrayList<>(out.values());
    }

    /** Daily bars into weeks (Monday keys) or months, stamped with the first day that has a bar. */
    static TreeMap<LocalDate, TvBar> groupDays(List<TvBar> days, boolean weeks) {
        TreeMap<LocalDate, TvBar> out = new TreeMap<>();
        for (TvBar d : days) {
            LocalDate date = LocalDate.ofEpochDay(d.t() / DAY);
            LocalDate key = weeks ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1);
            out.merge(key, d, HistoryTest::merge);
        }
        return out;
    }

    static TvBar merge(TvBar a, TvBar b) {
        return new TvBar(a.t(), a.o(), a.h().max(b.h()), a.l().min(b.l()), b.c(), a.v() + b.v());
    }

    static long utc(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    static Duration days(long n) {
        return Duration.ofDays(n);
    }
}

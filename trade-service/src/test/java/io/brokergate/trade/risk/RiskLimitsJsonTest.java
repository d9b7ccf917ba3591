package io.brokergate.trade.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskLimitsJsonTest {

    static final String FULL = """
            {"order_rate": {"limit": 10, "window_seconds": 1},
             "daily_orders": {"limit": 500, "time_zone": "Asia/Hong_Kong"},
             "max_quantity": 10000,
             "max_notional": {"HKD": 1000000, "USD": "150000.50"},
             "symbols": ["700.HK", "aapl.US", "700.HK"],
             "markets": ["hk", "US"],
             "trading_window": {"days": ["mon", "TUESDAY", "WED", "THU", "FRI"], "start": "09:30", "end": "16:00:30",
                                "time_zone": "Asia/Hong_Kong"}}""";

    @Test
    void readsEveryKindOfLimit() {
        RiskLimits l = RiskLimitsJson.parse(FULL);
        assertEquals(new OrderRate(10, Duration.ofSeconds(1)), l.orderRate());
        assertEquals(new DailyOrders(500, ZoneId.of("Asia/Hong_Kong")), l.dailyOrders());
        assertEquals(0, new BigDecimal("10000").compareTo(l.maxQuantity()));
        assertEquals(Map.of("HKD", new BigDecimal("1000000"), "USD", new BigDecimal("150000.5")), l.maxNotional());
        assertEquals(Set.of(InstrumentId.parse("700.HK"), InstrumentId.parse("AAPL.US")), l.symbols());
        assertEquals(EnumSet.of(Market.HK, Market.US), l.markets());
        assertEquals(new TradingWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 30), LocalTime.of(16, 0, 30),
                ZoneId.of("Asia/Hong_Kong")), l.tradingWindow());
    }

    @Test
    void theStoredFormReadsBackToTheSameLimits() {
        RiskLimits l = RiskLimitsJson.parse(FULL);
        String stored = RiskLimitsJson.text(l);
        assertEquals(l, RiskLimitsJson.parse(stored));
        assertTrue(stored.contains("\"max_notional\":{\"HKD\":1000000,\"USD\":150000.5}"), stored);
        assertTrue(stored.contains("\"symbols\":[\"700.HK\",\"AAPL.US\"]"), stored);
    }

    @Test
    void tinyDecimalsAreWrittenWithoutExponent() {
        String stored = RiskLimitsJson.text(RiskLimitsJson.parse("{\"max_quantity\": 0.00000001, \"max_notional\": {\"USD\": 1E+6}}"));
        assertTrue(stored.contains("\"max_quantity\":0.00000001"), stored);
        assertTrue(stored.contains("\"USD\":1000000"), stored);
    }

    @Test
    void anEmptyDocumentHasNoLimitsAndReadOnlyFieldsAreIgnored() {
        assertEquals(RiskLimits.NONE, RiskLimitsJson.parse("{}"));
        assertEquals(RiskLimits.NONE, RiskLimitsJson.parse("{\"scope\": \"account\", \"scope_id\": \"acc-1\", \"updated_by\": \"x\","
                + " \"updated_at\": \"2026-01-01T00:00:00Z\", \"max_quantity\": null, \"symbols\": null}"));
    }

    @Test
    void currencyCodesAreCaseInsensitiveButOnlyOnce() {
        assertEquals(Map.of("HKD", new BigDecimal("5")), RiskLimitsJson.parse("{\"max_notional\": {\"hkd\": 5}}").maxNotional());
        assertEquals("max_notional: HKD appears twice", assertThrows(GatewayException.class,
                () -> RiskLimitsJson.parse("{\"max_notional\": {\"HKD\": 5, \"hkd\": 6}}")).getMessage());
    }

    @Test
    void theDailyCountDefaultsToUtcDays() {
        assertEquals(ZoneId.of("UTC"), RiskLimitsJson.parse("{\"daily_orders\": {\"limit\": 5}}").dailyOrders().zone());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            []                                                        | the request body must be a JSON object
            {"max_quantity": 1                                        | the request body is not valid JSON
            {"max_quantity": 1} {}                                    | the request body is not valid JSON
            {"max_quantity": 1, "max_quantity": 2}                    | the request body is not valid JSON: a field appears twice
            {"max_quantity": NaN}                                     | the request body is not valid JSON
            {"max_quantiy": 5}                                        | unknown field 'max_quantiy'; known fields: daily_orders, markets, max_notional, max_quantity, order_rate, symbols, trading_window
            {"max_quantity": 0}                                       | max_quantity must be positive
            {"max_quantity": -5}                                      | max_quantity must be positive
            {"max_quantity": "NaN"}                                   | max_quantity must be a decimal number
            {"max_quantity": "Infinity"}                              | max_quantity must be a decimal number
            {"max_quantity": "12abc"}                                 | max_quantity must be a decimal number
            {"max_quantity": true}                                    | max_quantity must be a decimal number
            {"max_quantity": 1e400}                                   | max_quantity must not exceed 1000000000
            {"max_quantity": 1e-999999999}                            | max_quantity has more than 8 decimals
            {"max_quantity": 0.000000001}                             | max_quantity has more than 8 decimals
            {"max_notional": {"HKD": 0}}                              | max_notional.HKD must be positive
            {"max_notional": {"HKD": null}}                           | max_notional.HKD must be a decimal number
            {"max_notional": {"HKD": 1e16}}                           | max_notional.HKD must not exceed 1000000000000000
            {"max_notional": {"XYZ": 5}}                              | max_notional: unknown currency 'XYZ'; currencies of the supported markets: CNY, HKD, INR, SGD, USD
            {"max_notional": [5]}                                     | max_notional must be a JSON object
            {"order_rate": {"limit": 0, "window_seconds": 1}}         | order_rate.limit must be between 1 and 10000
            {"order_rate": {"limit": 2.5, "window_seconds": 1}}       | order_rate.limit must be a whole number
            {"order_rate": {"limit": "5", "window_seconds": 1}}       | order_rate.limit must be a whole number
            {"order_rate": {"limit": 99999999999999999999, "window_seconds": 1}} | order_rate.limit must be between 1 and 10000
            {"order_rate": {"limit": 5}}                              | order_rate.window_seconds is required
            {"order_rate": {"limit": 5, "window_seconds": 3601}}      | order_rate.window_seconds must be between 1 and 3600
            {"order_rate": {"limit": 5, "window_seconds": 1, "burst": 2}} | order_rate: unknown field 'burst'; known fields: limit, window_seconds
            {"order_rate": 5}                                         | order_rate must be a JSON object
            {"daily_orders": {"limit": -1}}                           | daily_orders.limit must be between 1 and 10000000
            {"daily_orders": {"limit": 5, "time_zone": "Mars/Olympus"}} | daily_orders.time_zone: unknown time zone 'Mars/Olympus'; use an IANA id such as Asia/Hong_Kong
            {"daily_orders": {"limit": 5, "time_zone": "+08:00"}}     | daily_orders.time_zone: unknown time zone '+08:00'; use an IANA id such as Asia/Hong_Kong
            {"symbols": ["700"]}                                      | symbols[0]: '700' is not a symbol of the form TICKER.MARKET such as 700.HK (symbol '700' is not of the form TICKER.MARKET)
            {"symbols": ["700.HK", "70 0.HK"]}                        | symbols[1]: '70 0.HK' is not a symbol of the form TICKER.MARKET such as 700.HK (ticker contains an illegal character: ' ')
            {"symbols": ["700.XX"]}                                   | symbols[0]: '700.XX' is not a symbol of the form TICKER.MARKET such as 700.HK (unknown market 'XX')
            {"symbols": [7]}                                          | symbols[0] must be a string
            {"symbols": "700.HK"}                                     | symbols must be a JSON array
            {"markets": ["HK", "CN"]}                                 | markets[1]: unknown market 'CN'; known: HK, US, SH, SZ, SG, NSE, BSE, NFO, BFO, CDS, MCX
            {"trading_window": {"days": [], "start": "09:00", "end": "10:00", "time_zone": "UTC"}} | trading_window.days must name at least one day
            {"trading_window": {"days": ["FUNDAY"], "start": "09:00", "end": "10:00", "time_zone": "UTC"}} | trading_window.days[0]: unknown day 'FUNDAY'; use MON, TUE, WED, THU, FRI, SAT or SUN
            {"trading_window": {"days": ["MON"], "start": "9:00", "end": "10:00", "time_zone": "UTC"}} | trading_window.start must be a time of day as HH:mm or HH:mm:ss, got '9:00'
            {"trading_window": {"days": ["MON"], "start": "09:00", "end": "25:00", "time_zone": "UTC"}} | trading_window.end is not a valid time of day: '25:00'
            {"trading_window": {"days": ["MON"], "start": "09:00", "end": "09:00", "time_zone": "UTC"}} | trading_window: start and end must differ (omit trading_window to trade at any time)
            {"trading_window": {"days": ["MON"], "start": "09:00", "end": "10:00"}} | trading_window.time_zone is required
            {"trading_window": {"days": ["MON"], "start": "09:00", "end": "10:00", "time_zone": "Nowhere"}} | trading_window.time_zone: unknown time zone 'Nowhere'; use an IANA id such as Asia/Hong_Kong
            """)
    void refusesBadInputNamingTheField(String body, String detail) {
        GatewayException e = assertThrows(GatewayException.class, () -> RiskLimitsJson.parse(body));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(detail, e.getMessage());
    }

    @Test
    void boundsTheAllowList() {
        String symbols = IntStream.range(0, RiskLimitsJson.MAX_SYMBOLS + 1).mapToObj(i -> "\"" + i + ".HK\"").collect(Collectors.joining(","));
        GatewayException e = assertThrows(GatewayException.class, () -> RiskLimitsJson.parse("{\"symbols\": [" + symbols + "]}"));
        assertEquals("symbols: at most 5000 entries", e.getMessage());
        String fits = IntStream.range(0, RiskLimitsJson.MAX_SYMBOLS).mapToObj(i -> "\"" + i + ".HK\"").collect(Collectors.joining(","));
        assertEquals(RiskLimitsJson.MAX_SYMBOLS, RiskLimitsJson.parse("{\"symbols\": [" + fits + "]}").symbols().size());
    }

    @Test
    void refusesControlCharactersAndHugeBodies() {
        assertEquals("trading_window.time_zone contains control or invisible characters", assertThrows(GatewayException.class,
                () -> RiskLimitsJson.parse("{\"trading_window\": {\"days\": [\"MON\"], \"start\": \"09:00\", \"end\": \"10:00\","
                        + " \"time_zone\": \"UTC\\u202e\"}}")).getMessage());
        GatewayException big = assertThrows(GatewayException.class, () -> RiskLimitsJson.parse("{\"x\": \"" + "a".repeat(300_000) + "\"}"));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, big.code());
        assertNull(big.retryAfter());
    }
}

package io.brokergate.trade.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.OrderRequest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JSON form of {@link RiskLimits}, both the admin API's body and the stored definition (so
 * what was validated is exactly what is reloaded):
 * <pre>
 * {"order_rate": {"limit": 10, "window_seconds": 1},
 *  "daily_orders": {"limit": 500, "time_zone": "Asia/Hong_Kong"},
 *  "max_quantity": 10000,
 *  "max_notional": {"HKD": 1000000, "USD": "150000.50"},
 *  "symbols": ["700.HK", "AAPL.US"],
 *  "markets": ["HK", "US"],
 *  "trading_window": {"days": ["MON", "TUE", "WED", "THU", "FRI"], "start": "09:30", "end": "16:00",
 *                     "time_zone": "Asia/Hong_Kong"}}
 * </pre>
 * Every member is optional; absent or null means no limit of that kind.
 */
final class RiskLimitsJson {

    static final int MAX_SYMBOLS = 5_000;
    /** Ten times the largest order the gateway accepts at the largest price, to the cent and beyond: not a real cap. */
    static final BigDecimal MAX_NOTIONAL = new BigDecimal("1000000000000000");
    static final int MAX_DECIMALS = 8;
    /** Fields of the admin API's answer that a client may send back unchanged. */
    static final Set<String> READ_ONLY = Set.of("scope", "scope_id", "updated_by", "updated_at");

    private static final Set<String> FIELDS = Set.of("order_rate", "daily_orders", "max_quantity", "max_notional", "symbols",
            "markets", "trading_window");
    private static final Set<String> CURRENCIES = Arrays.stream(Market.values()).map(Market::currency)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RiskLimitsJson() {
    }

    /** Parses and validates a limits document; every problem is a GatewayException.invalid naming the field. */
    static RiskLimits parse(String body) {
        return parse(JsonInput.object(body));
    }

    static RiskLimits parse(JsonNode root) {
        JsonInput.onlyFields(root, null, FIELDS, READ_ONLY);
        JsonNode rate = JsonInput.optional(root, "order_rate");
        JsonNode daily = JsonInput.optional(root, "daily_orders");
        JsonNode quantity = JsonInput.optional(root, "max_quantity");
        JsonNode notional = JsonInput.optional(root, "max_notional");
        JsonNode symbols = JsonInput.optional(root, "symbols");
        JsonNode markets = JsonInput.optional(root, "markets");
        JsonNode window = JsonInput.optional(root, "trading_window");
        return new RiskLimits(
                rate == null ? null : orderRate(rate),
                daily == null ? null : dailyOrders(daily),
                quantity == null ? null : JsonInput.positiveDecimal(quantity, "max_quantity", OrderRequest.MAX_QUANTITY, MAX_DECIMALS),
                notional == null ? Map.of() : maxNotional(notional),
                symbols == null ? Set.of() : symbols(symbols),
                markets == null ? Set.of() : markets(markets),
                window == null ? null : tradingWindow(window));
    }

    private static OrderRate orderRate(JsonNode n) {
        JsonInput.objectAt(n, "order_rate");
        JsonInput.onlyFields(n, "order_rate", Set.of("limit", "window_seconds"), Set.of());
        int limit = JsonInput.integer(JsonInput.required(n, "limit", "order_rate.limit"), "order_rate.limit", 1, OrderRate.MAX_LIMIT);
        int seconds = JsonInput.integer(JsonInput.required(n, "window_seconds", "order_rate.window_seconds"),
                "order_rate.window_seconds", 1, (int) OrderRate.MAX_WINDOW.toSeconds());
        return new OrderRate(limit, Duration.ofSeconds(seconds));
    }

    private static DailyOrders dailyOrders(JsonNode n) {
        JsonInput.objectAt(n, "daily_orders");
        JsonInput.onlyFields(n, "daily_orders", Set.of("limit", "time_zone"), Set.of());
        int limit = JsonInput.integer(JsonInput.required(n, "limit", "daily_orders.limit"), "daily_orders.limit", 1,
                DailyOrders.MAX_LIMIT);
        JsonNode zone = JsonInput.optional(n, "time_zone");
        return new DailyOrders(limit, zone == null ? ZoneId.of("UTC") : JsonInput.zone(zone, "daily_orders.time_zone"));
    }

    private static Map<String, BigDecimal> maxNotional(JsonNode n) {
        JsonInput.objectAt(n, "max_notional");
        Map<String, BigDecimal> out = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            String currency = e.getKey().toUpperCase(Locale.ROOT);
            if (!CURRENCIES.contains(currency)) {
                throw GatewayException.invalid("max_notional: unknown currency " + JsonInput.quote(e.getKey())
                        + "; currencies of the supported markets: " + String.join(", ", CURRENCIES));
            }
            if (out.containsKey(currency)) {
                throw GatewayException.invalid("max_notional: " + currency + " appears twice");
            }
            if (e.getValue().isNull()) {
                throw GatewayException.invalid("max_notional." + currency + " must be a decimal number");
            }
            out.put(currency, JsonInput.positiveDecimal(e.getValue(), "max_notional." + currency, MAX_NOTIONAL, MAX_DECIMALS));
        });
        return out;
    }

    private static Set<InstrumentId> symbols(JsonNode n) {
        JsonInput.arrayAt(n, "symbols", MAX_SYMBOLS);
        Set<InstrumentId> out = new HashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String path = "symbols[" + i + "]";
            String s = JsonInput.text(n.get(i), path, InstrumentId.MAX_TICKER_LENGTH + 5);
            try {
                out.add(InstrumentId.parse(s));
            } catch (IllegalArgumentException e) {
                throw GatewayException.invalid(path + ": " + JsonInput.quote(s) + " is not a symbol of the form TICKER.MARKET"
                        + " such as 700.HK (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static Set<Market> markets(JsonNode n) {
        JsonInput.arrayAt(n, "markets", Market.values().length * 2);
        Set<Market> out = EnumSet.noneOf(Market.class);
        for (int i = 0; i < n.size(); i++) {
            String path = "markets[" + i + "]";
            String s = JsonInput.text(n.get(i), path, 8);
            try {
                out.add(Market.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw GatewayException.invalid(path + ": unknown market " + JsonInput.quote(s) + "; known: "
                        + Arrays.stream(Market.values()).map(Market::name).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    private static TradingWindow tradingWindow(JsonNode n) {
        JsonInput.objectAt(n, "trading_window");
        JsonInput.onlyFields(n, "trading_window", Set.of("days", "start", "end", "time_zone"), Set.of());
        Set<DayOfWeek> days = days(JsonInput.required(n, "days", "trading_window.days"));
        LocalTime start = JsonInput.time(JsonInput.required(n, "start", "trading_window.start"), "trading_window.start");
        LocalTime end = JsonInput.time(JsonInput.required(n, "end", "trading_window.end"), "trading_window.end");
        ZoneId zone = JsonInput.zone(JsonInput.required(n, "time_zone", "trading_window.time_zone"), "trading_window.time_zone");
        if (start.equals(end)) {
            throw GatewayException.invalid("trading_window: start and end must differ (omit trading_window to trade at any time)");
        }
        return new TradingWindow(days, start, end, zone);
    }

    private static Set<DayOfWeek> days(JsonNode n) {
        JsonInput.arrayAt(n, "trading_window.days", 14);
        if (n.isEmpty()) {
            throw GatewayException.invalid("trading_window.days must name at least one day");
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < n.size(); i++) {
            String path = "trading_window.days[" + i + "]";
            String s = JsonInput.text(n.get(i), path, 9).toUpperCase(Locale.ROOT);
            DayOfWeek day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(s) || TradingWindow.shortName(d).equals(s))
                    .findFirst().orElseThrow(() -> GatewayException.invalid(path + ": unknown day " + JsonInput.quote(s)
                            + "; use MON, TUE, WED, THU, FRI, SAT or SUN"));
            out.add(day);
        }
        return out;
    }

    /** The canonical document: fixed member order, every member present (null or empty when unset). */
    static ObjectNode write(RiskLimits limits) {
        ObjectNode root = NODES.objectNode();
        writeInto(root, limits);
        return root;
    }

    static void writeInto(ObjectNode root, RiskLimits l) {
        OrderRate rate = l.orderRate();
        if (rate == null) {
            root.putNull("order_rate");
        } else {
            root.putObject("order_rate").put("limit", rate.limit()).put("window_seconds", rate.window().toSeconds());
        }
        DailyOrders daily = l.dailyOrders();
        if (daily == null) {
            root.putNull("daily_orders");
        } else {
            root.putObject("daily_orders").put("limit", daily.limit()).put("time_zone", daily.zone().getId());
        }
        decimal(root, "max_quantity", l.maxQuantity());
        ObjectNode notional = root.putObject("max_notional");
        new TreeMap<>(l.maxNotional()).forEach((currency, max) -> decimal(notional, currency, max));
        ArrayNode symbols = root.putArray("symbols");
        l.symbols().stream().map(InstrumentId::symbol).sorted().forEach(symbols::add);
        ArrayNode markets = root.putArray("markets");
        l.markets().stream().map(Market::name).sorted().forEach(markets::add);
        TradingWindow w = l.tradingWindow();
        if (w == null) {
            root.putNull("trading_window");
        } else {
            ObjectNode window = root.putObject("trading_window");
            ArrayNode days = window.putArray("days");
            w.days().forEach(d -> days.add(TradingWindow.shortName(d)));
            window.put("start", w.start().toString()).put("end", w.end().toString()).put("time_zone", w.zone().getId());
        }
    }

    /** Stored form. */
    static String text(RiskLimits limits) {
        try {
            return JsonInput.mapper().writeValueAsString(write(limits));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write risk limits", e);
        }
    }

    /** Plain digits, never an exponent: {@code 0.00000001}, not {@code 1E-8}. */
    private static void decimal(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.putRawValue(field, new RawValue(value.toPlainString()));
        }
    }
}

package io.brokergate.quote.tradingview;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradingSession;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /tv/symbol_info}: one array per field, one entry per symbol. Price format: TradingView has
 * one {@code minmovement / pricescale} per symbol, so a price-dependent tick schedule (HKEX's spread
 * table) is given by its finest tick, which every valid price is a multiple of.
 */
final class SymbolInfoColumns {

    /** One symbol: its reference data and its market's sessions. */
    record Row(Instrument instrument, List<TradingSession> sessions) {
    }

    private SymbolInfoColumns() {
    }

    static Map<String, Object> of(List<Row> rows, TradingViewSymbols symbols) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", "ok");
        column(body, "symbol", rows, r -> r.instrument().id().symbol());
        column(body, "ticker", rows, r -> r.instrument().id().symbol());
        column(body, "description", rows, r -> r.instrument().name());
        column(body, "currency", rows, r -> r.instrument().currency());
        column(body, "exchange-listed", rows, r -> symbols.exchange(r.instrument().id()));
        column(body, "exchange-traded", rows, r -> symbols.exchange(r.instrument().id()));
        column(body, "minmovement", rows, r -> minMovement(finestTick(r.instrument())));
        column(body, "minmovement2", rows, r -> 0);
        column(body, "pricescale", rows, r -> priceScale(finestTick(r.instrument())));
        column(body, "fractional", rows, r -> false);
        column(body, "timezone", rows, r -> TradingViewSymbols.timezone(r.instrument().market()));
        column(body, "type", rows, r -> TradingViewSymbols.type(r.instrument().type()));
        column(body, "session-regular", rows, r -> regularSession(r.sessions()));
        column(body, "has-intraday", rows, r -> true);
        column(body, "has-daily", rows, r -> true);
        column(body, "has-weekly-and-monthly", rows, r -> true);
        column(body, "has-no-volume", rows, r -> r.instrument().type() == InstrumentType.INDEX);
        return body;
    }

    private static void column(Map<String, Object> body, String name, List<Row> rows, Function<Row, Object> f) {
        List<Object> values = new ArrayList<>(rows.size());
        rows.forEach(r -> values.add(f.apply(r)));
        body.put(name, values);
    }

    static BigDecimal finestTick(Instrument i) {
        return i.ticks().tiers().stream().map(t -> t.tick()).min(BigDecimal::compareTo).orElseThrow();
    }

    /** 10 to the number of decimals of the tick: 0.001 → 1000, 0.05 → 100, 1 → 1. */
    static long priceScale(BigDecimal tick) {
        int scale = Math.max(0, tick.stripTrailingZeros().scale());
        return BigDecimal.TEN.pow(scale).longValueExact();
    }

    /** The tick in units of 1 / pricescale: 0.05 → 5. */
    static long minMovement(BigDecimal tick) {
        return tick.multiply(BigDecimal.valueOf(priceScale(tick))).longValueExact();
    }

    /** {@code 0930-1200,1300-1600} in exchange time; {@code 24x7} when the broker lists no regular session. */
    static String regularSession(List<TradingSession> sessions) {
        String s = sessions.stream().filter(x -> x.type() == SessionType.REGULAR)
                .map(x -> hhmm(x.begin()) + "-" + hhmm(x.end())).collect(Collectors.joining(","));
        return s.isEmpty() ? "24x7" : s;
    }

    private static String hhmm(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return "0000"; // end of day
        }
        return String.format("%02d%02d", t.getHour(), t.getMinute());
    }
}

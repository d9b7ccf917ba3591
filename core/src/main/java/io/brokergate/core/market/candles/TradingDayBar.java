package io.brokergate.core.market.candles;

import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Quote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Today's daily bar as TradingView wants it everywhere (quote-service's {@code /history} and
 * stream-service's {@code /streaming} must agree): open, high, low and cumulative volume of the
 * trading day from the quote, close = last, stamped 00:00 UTC of the trading day — the calendar
 * date in the exchange's own time zone.
 */
public final class TradingDayBar {

    private TradingDayBar() {
    }

    /** The trading day a moment belongs to, in the instrument's exchange time zone. */
    public static LocalDate tradingDay(Quote quote) {
        return quote.timestamp().atZone(quote.instrument().market().zone()).toLocalDate();
    }

    /** 00:00 UTC of the trading day: TradingView's timestamp for daily bars. */
    public static Instant stamp(LocalDate tradingDay) {
        return tradingDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Empty until the day has traded (no last price or no open). */
    public static Optional<Bar> of(Quote quote) {
        if (quote.last() == null || quote.open() == null) {
            return Optional.empty();
        }
        var high = quote.high() == null ? quote.last().max(quote.open()) : quote.high();
        var low = quote.low() == null ? quote.last().min(quote.open()) : quote.low();
        return Optional.of(new Bar(quote.instrument(), BarPeriod.DAY, stamp(tradingDay(quote)), quote.open(), high, low,
                quote.last(), quote.volume(), quote.turnover()));
    }
}

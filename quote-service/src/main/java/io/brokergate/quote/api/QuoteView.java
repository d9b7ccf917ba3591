package io.brokergate.quote.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.core.market.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A level-1 quote on the native API; fields the broker does not provide are null, never zero. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QuoteView(String symbol, BigDecimal last, BigDecimal open, BigDecimal high, BigDecimal low,
                        BigDecimal prevClose, BigDecimal change, BigDecimal bid, BigDecimal bidSize, BigDecimal ask,
                        BigDecimal askSize, long volume, BigDecimal turnover, String phase, Instant timestamp) {

    public static QuoteView of(Quote q) {
        return new QuoteView(q.instrument().symbol(), q.last(), q.open(), q.high(), q.low(), q.prevClose(), q.change(),
                q.bid(), q.bidSize(), q.ask(), q.askSize(), q.volume(), q.turnover(),
                q.phase().name().toLowerCase(Locale.ROOT), q.timestamp());
    }
}

package io.brokergate.quote.api;

import io.brokergate.core.market.TradeTick;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** One print; {@code aggressor} is buyer, seller or unknown. */
public record TradeView(BigDecimal price, BigDecimal quantity, Instant time, String aggressor, String session) {

    public static TradeView of(TradeTick t) {
        return new TradeView(t.price(), t.quantity(), t.timestamp(), t.aggressor().name().toLowerCase(Locale.ROOT),
                t.session().name().toLowerCase(Locale.ROOT));
    }
}

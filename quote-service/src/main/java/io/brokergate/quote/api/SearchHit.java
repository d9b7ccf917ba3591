package io.brokergate.quote.api;

import io.brokergate.core.instrument.Instrument;
import java.util.Locale;

/** One instrument found by {@code GET /v1/instruments?query=}. */
public record SearchHit(String symbol, String name, String market, String type, String currency) {

    public static SearchHit of(Instrument i) {
        return new SearchHit(i.id().symbol(), i.name(), i.market().name(), i.type().name().toLowerCase(Locale.ROOT),
                i.currency());
    }
}

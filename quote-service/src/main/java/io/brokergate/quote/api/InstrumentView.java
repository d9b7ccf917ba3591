package io.brokergate.quote.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.market.TradingSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/instruments/{symbol}}: reference data. {@code tick_size} is the increment at the
 * last price when it is known (else the finest tier); {@code tick_schedule} has every tier.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstrumentView(String symbol, String name, String type, String market, String currency,
                             BigDecimal lotSize, BigDecimal tickSize, List<TickTierView> tickSchedule, boolean tradable,
                             String timezone, List<SessionView> tradingSessions) {

    public static InstrumentView of(Instrument i, BigDecimal lastPrice, List<TradingSession> sessions) {
        BigDecimal tick = lastPrice == null ? i.ticks().tiers().get(0).tick() : i.ticks().tickAt(lastPrice);
        return new InstrumentView(i.id().symbol(), i.name(), i.type().name().toLowerCase(Locale.ROOT), i.market().name(),
                i.currency(), i.lotSize(), tick,
                i.ticks().tiers().stream().map(t -> new TickTierView(t.from(), t.tick())).toList(), i.isTradable(),
                i.market().zone().getId(), sessions.stream().map(SessionView::of).toList());
    }
}

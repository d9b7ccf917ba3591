package io.brokergate.core.market;

import io.brokergate.core.instrument.Market;
import java.time.LocalDate;
import java.util.List;

/** Trading calendar for a range: full days and half days (early close). */
public record TradingDays(Market.Region region, List<LocalDate> tradingDays, List<LocalDate> halfDays) {
    public TradingDays {
        tradingDays = List.copyOf(tradingDays);
        halfDays = List.copyOf(halfDays);
    }
}

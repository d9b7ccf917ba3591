package io.brokergate.core.instrument;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Static reference data of one tradable (or index) instrument.
 *
 * @param lotSize board lot: quantities must be whole multiples (HK {@code 700.HK} trades in lots of 100)
 */
public record Instrument(
        InstrumentId id,
        String name,
        InstrumentType type,
        String currency,
        BigDecimal lotSize,
        TickSchedule ticks) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticks, "ticks");
        name = name == null ? id.symbol() : name;
        currency = currency == null ? id.market().currency() : currency;
        if (lotSize == null || lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lot size must be positive");
        }
    }

    public Market market() {
        return id.market();
    }

    public boolean isWholeLots(BigDecimal quantity) {
        return quantity != null && quantity.signum() > 0 && quantity.remainder(lotSize).signum() == 0;
    }

    public boolean isTradable() {
        return type != InstrumentType.INDEX;
    }
}

package io.brokergate.core.market;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;

/** One print on the tape. */
public record TradeTick(
        InstrumentId instrument,
        BigDecimal price,
        BigDecimal quantity,
        Instant timestamp,
        Aggressor aggressor,
        SessionType session) {

    /** Which side crossed the spread, when the venue says. */
    public enum Aggressor { UNKNOWN, BUYER, SELLER }
}

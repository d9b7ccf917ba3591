package io.brokergate.quote.feeds;

import io.brokergate.core.instrument.InstrumentId;

/** Cache key of per-instrument data: the instrument within one tenant's feed of one broker. */
public record ScopedInstrument(FeedScope scope, InstrumentId instrument) {
}

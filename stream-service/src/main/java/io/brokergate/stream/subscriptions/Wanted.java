package io.brokergate.stream.subscriptions;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;

/** One upstream subscription of an account: a kind of data for an instrument. */
record Wanted(InstrumentId instrument, SubscriptionKind kind) {
}

package io.brokergate.stream.subscriptions;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;

/** One unit of upstream interest: a kind of data for an instrument through an account's socket. */
record DemandKey(String accountId, InstrumentId instrument, SubscriptionKind kind) {
}

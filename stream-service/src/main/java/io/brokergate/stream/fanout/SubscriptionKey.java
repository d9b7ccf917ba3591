package io.brokergate.stream.fanout;

import io.brokergate.core.instrument.InstrumentId;

/** One client subscription: an account stream ({@code instrument} null) or one market-data symbol. */
public record SubscriptionKey(StreamKind stream, String accountId, InstrumentId instrument) {
}

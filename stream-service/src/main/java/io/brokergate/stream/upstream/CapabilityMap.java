package io.brokergate.stream.upstream;

import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.capability.Capabilities;
import java.util.Optional;

/** What each broker's adapter declares it can do; streams offer only what the account's broker supports. */
public interface CapabilityMap {

    /** Empty for a broker without an adapter here. */
    Optional<Capabilities> of(BrokerId broker);
}

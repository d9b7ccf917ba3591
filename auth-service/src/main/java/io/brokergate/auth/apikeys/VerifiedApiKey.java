package io.brokergate.auth.apikeys;

import io.brokergate.api.security.Caller;
import java.time.Instant;

/** The outcome of checking a presented key that turned out valid. */
public record VerifiedApiKey(Caller caller, String name, Instant issuedAt) {
}

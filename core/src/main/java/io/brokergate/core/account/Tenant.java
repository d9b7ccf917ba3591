package io.brokergate.core.account;

import java.time.Instant;

/** A customer of the gateway; every row and every event carries its id. */
public record Tenant(String id, String name, Instant createdAt) {
}

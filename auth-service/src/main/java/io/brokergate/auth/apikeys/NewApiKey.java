package io.brokergate.auth.apikeys;

import java.time.Instant;
import java.util.Set;

/**
 * What an administrator asks for when creating a key.
 *
 * @param accounts  account ids of the tenant, or {@code "*"} for all of them
 * @param expiresAt null means the longest lifetime allowed
 */
public record NewApiKey(String name, Set<String> scopes, Set<String> accounts, Instant expiresAt) {
}

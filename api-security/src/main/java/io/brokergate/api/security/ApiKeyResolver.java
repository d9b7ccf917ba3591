package io.brokergate.api.security;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Turns a presented API key ({@code bgk_…}) into its caller, or empty when it is unknown,
 * revoked or expired. Must not block the caller.
 */
public interface ApiKeyResolver {

    Uni<Optional<Caller>> resolve(String presentedKey);
}

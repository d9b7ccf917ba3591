package io.brokergate.api.security;

import io.brokergate.core.error.ErrorCode;
import java.util.Set;

/**
 * A refused request as handed to a {@link SecurityFailureRenderer}.
 *
 * @param status         HTTP status the response will have (401, 403, or 500 when the check could not run)
 * @param code           taxonomy code: {@code unauthenticated}, {@code forbidden} or {@code internal}
 * @param detail         client-safe explanation
 * @param requiredScopes for 403: the scopes of which the resource needs one; empty otherwise
 */
public record SecurityFailure(int status, ErrorCode code, String detail, Set<String> requiredScopes) {

    public SecurityFailure {
        requiredScopes = Set.copyOf(requiredScopes);
    }
}

package io.brokergate.api.security;

import io.smallrye.mutiny.Uni;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Public keys that verify access tokens, by {@code kid}. In a cluster they come from
 * auth-service's JWKS (cached, refetched when an unknown kid appears); inside auth-service and
 * all-in-one they come straight from the in-process key ring. Must not block the caller.
 */
public interface VerificationKeys {

    Uni<Optional<PublicKey>> forKid(String kid);
}

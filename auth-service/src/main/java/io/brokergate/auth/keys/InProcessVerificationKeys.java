package io.brokergate.auth.keys;

import io.brokergate.api.security.VerificationKeys;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Verification keys straight from the in-process {@link KeyRing}: auth-service and all-in-one
 * verify their own tokens without fetching the JWKS over HTTP. Selected over any JWKS-based bean
 * the other services use, hence the alternative with a priority.
 */
@Alternative
@Priority(10)
@ApplicationScoped
public class InProcessVerificationKeys implements VerificationKeys {

    private final KeyRing ring;

    public InProcessVerificationKeys(KeyRing ring) {
        this.ring = ring;
    }

    @Override
    public Uni<Optional<PublicKey>> forKid(String kid) {
        Optional<PublicKey> cached = ring.cachedPublicKey(kid).map(PublicKey.class::cast);
        if (cached.isPresent()) {
            return Uni.createFrom().item(cached);
        }
        // A miss reads the database: never on the caller's (possibly event-loop) thread.
        return Uni.createFrom().item(() -> ring.publicKey(kid).map(PublicKey.class::cast))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}

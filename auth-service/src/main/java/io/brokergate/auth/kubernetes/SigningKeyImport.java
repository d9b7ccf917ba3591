package io.brokergate.auth.kubernetes;

import io.brokergate.auth.keys.KeyRing;
import io.brokergate.auth.keys.RsaJwk;
import io.brokergate.auth.keys.SigningKey;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes the Secret's key the ring's active signing key. The key ring stays the one place keys live
 * (table {@code signing_keys}, private half encrypted), so the key it replaces keeps verifying
 * until its tokens have expired, exactly as after {@link KeyRing#rotate()}; the Secret only ever
 * needs to hold the key that signs now. Every auth-service pod imports the same key: the first
 * one stores it, the others find it there.
 */
@ApplicationScoped
public class SigningKeyImport {

    private static final Logger LOG = Logger.getLogger(SigningKeyImport.class);

    private final KeyRing ring;

    public SigningKeyImport(KeyRing ring) {
        this.ring = ring;
    }

    /** Blocking (JDBC): call from a worker thread. Returns the kid now signing. */
    String apply(KeyPair pair) {
        String kid = RsaJwk.thumbprint((RSAPublicKey) pair.getPublic());
        ring.refresh();
        Optional<SigningKey> known = ring.verifying().stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (known.isPresent()) {
            if (!known.get().active()) {
                LOG.warnf("the Secret's signing key %s was superseded earlier and cannot sign again; put a new key into the "
                        + "Secret (signing continues with %s)", kid, ring.active().kid());
            }
            return ring.active().kid();
        }
        try {
            ring.install(pair);
        } catch (StoreException e) {
            // Another pod stored it a moment ago (or it retired long ago: then it stays unknown).
            ring.refresh();
            if (ring.verifying().stream().noneMatch(k -> k.kid().equals(kid))) {
                throw e;
            }
        }
        return ring.active().kid();
    }
}

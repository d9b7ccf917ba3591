package io.brokergate.auth.kubernetes;

import io.brokergate.auth.connections.CredentialCipher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Applies the credential keys of a Secret: the cipher encrypts with {@code current} at once and
 * still decrypts with the {@code previous…} keys; then everything under an older key is
 * re-encrypted. Gauge {@code brokergate.auth.credentials.unreadable}: rows no known key decrypts
 * after the last sweep (must be 0 before an older key leaves the Secret).
 */
@ApplicationScoped
public class CredentialKeyRotation {

    private static final Logger LOG = Logger.getLogger(CredentialKeyRotation.class);

    private final CredentialCipher cipher;
    private final CredentialReencryption reencryption;
    private final AtomicInteger unreadable = new AtomicInteger();

    public CredentialKeyRotation(CredentialCipher cipher, CredentialReencryption reencryption, MeterRegistry meters) {
        this.cipher = cipher;
        this.reencryption = reencryption;
        meters.gauge("brokergate.auth.credentials.unreadable", unreadable);
    }

    /** Blocking (JDBC): call from a worker thread. */
    void apply(CredentialKeySet keys) {
        String before = cipher.keyId();
        cipher.useKeys(keys.current(), keys.older());
        if (!before.equals(keys.currentId())) {
            LOG.infof("credential key %s now encrypts (was %s); the Secret's older keys that still decrypt: %s%s", keys.currentId(),
                    before, keys.olderIds(), keys.olderIds().contains(before) ? ""
                            : " (the Secret dropped " + before + ": only this process still knows it, until it restarts)");
        }
        CredentialReencryption.Outcome outcome = reencryption.run();
        unreadable.set(outcome.unreadable());
        if (outcome.reencrypted() > 0 || outcome.unreadable() > 0) {
            LOG.infof("re-encrypted %d row(s) under credential key %s; %d row(s) no known key decrypts", outcome.reencrypted(),
                    keys.currentId(), outcome.unreadable());
        }
    }

    /** Rows no known key decrypted in the last sweep. */
    public int unreadable() {
        return unreadable.get();
    }
}

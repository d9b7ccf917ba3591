package io.brokergate.auth.keys;

import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.connections.CredentialCipher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The RS256 signing keys, persisted in {@code signing_keys} with the private halves encrypted by
 * {@link CredentialCipher}. The newest unsuperseded key signs; a superseded key keeps verifying
 * until every token it can have signed has expired (longest token lifetime plus clock skew), then
 * leaves the JWKS. Several instances share the table: each re-reads it periodically and whenever
 * an unknown {@code kid} shows up.
 *
 * <p>Blocking (database) on a cache miss: call from worker threads, or through
 * {@link InProcessVerificationKeys} which shifts misses off the event loop.
 */
@ApplicationScoped
public class KeyRing {

    /** The active key with its private half, ready to sign. */
    public record ActiveKey(String kid, PrivateKey privateKey, RSAPublicKey publicKey, Instant createdAt) {
        @Override
        public String toString() {
            return "ActiveKey[" + kid + "]";
        }
    }

    private record Snapshot(List<SigningKey> keys, ActiveKey active, Instant loadedAt) {
    }

    private static final Logger LOG = Logger.getLogger(KeyRing.class);
    private static final int RSA_BITS = 2048;
    /** Unknown kids re-read the table at most this often, so random kids cannot hammer the database. */
    private static final Duration MISS_RELOAD_SPACING = Duration.ofSeconds(2);
    private static final String AAD_PREFIX = "signing-key:";

    private final SigningKeyStore store;
    private final CredentialCipher cipher;
    private final Duration rotationInterval;
    private final Duration refreshInterval;
    private final Duration verifyGrace;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant lastMissReload = Instant.EPOCH;

    @jakarta.inject.Inject
    public KeyRing(SigningKeyStore store, CredentialCipher cipher, AuthConfig config) {
        this(store, cipher, config.signingKeys().rotationInterval(), config.signingKeys().refreshInterval(),
                longestTokenLifetime(config), Clock.systemUTC());
    }

    KeyRing(SigningKeyStore store, CredentialCipher cipher, Duration rotationInterval, Duration refreshInterval,
            Duration verifyGrace, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.rotationInterval = rotationInterval;
        this.refreshInterval = refreshInterval;
        this.verifyGrace = verifyGrace;
        this.clock = clock;
    }

    /** How long a superseded key must keep verifying: the longest token lifetime plus clock skew. */
    public static Duration longestTokenLifetime(AuthConfig config) {
        Duration access = config.tokens().accessTtl();
        Duration tv = config.tradingview().tokenTtl();
        return (access.compareTo(tv) >= 0 ? access : tv).plus(config.tokens().clockSkew());
    }

    void onStart(@Observes StartupEvent event) {
        active();
    }

    /** The key that signs now; created on first use, rotated when older than the rotation interval. */
    public ActiveKey active() {
        Snapshot s = current();
        if (s.active() == null || s.active().createdAt().plus(rotationInterval).isBefore(clock.instant())) {
            synchronized (this) {
                s = reload();
                if (s.active() == null || s.active().createdAt().plus(rotationInterval).isBefore(clock.instant())) {
                    rotate();
                    s = snapshot;
                }
            }
        }
        return s.active();
    }

    /** The public key for {@code kid} if it still verifies. */
    public Optional<RSAPublicKey> publicKey(String kid) {
        Optional<RSAPublicKey> found = cachedPublicKey(kid);
        if (found.isPresent() || kid == null) {
            return found;
        }
        Instant now = clock.instant();
        if (lastMissReload.plus(MISS_RELOAD_SPACING).isAfter(now)) {
            return Optional.empty();
        }
        synchronized (this) {
            lastMissReload = now;
            reload();
        }
        return cachedPublicKey(kid);
    }

    /** From memory only; empty also when the ring has not been read yet or the key is unknown. */
    public Optional<RSAPublicKey> cachedPublicKey(String kid) {
        Snapshot s = snapshot;
        if (s == null || kid == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return s.keys().stream().filter(k -> k.kid().equals(kid) && k.verifiesAt(now)).map(SigningKey::publicKey).findFirst();
    }

    /** Every key that still verifies, newest first: the JWKS. */
    public List<SigningKey> verifying() {
        Instant now = clock.instant();
        return current().keys().stream().filter(k -> k.verifiesAt(now)).toList();
    }

    /** Makes a fresh key the active one; the previous keys verify until their tokens have expired. */
    public synchronized SigningKey rotate() {
        return install(generate());
    }

    /**
     * Makes a key pair made elsewhere (e.g. a Kubernetes Secret) the active key, as {@link #rotate()}
     * does with a generated one. A {@code kid} already in the table fails with a {@link
     * io.brokergate.auth.tenants.StoreException}.
     */
    public synchronized SigningKey install(KeyPair pair) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        String kid = RsaJwk.thumbprint(pub);
        String privateB64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        SigningKeyStore.StoredKey row = new SigningKeyStore.StoredKey(kid, Base64.getEncoder().encodeToString(pub.getEncoded()),
                cipher.encrypt(privateB64, privateKeyAad(kid)), now, null);
        store.insert(row, cipher.keyId());
        int superseded = store.supersedeOlderThan(row, now.plus(verifyGrace));
        LOG.infof("signing key %s is active; %d previous key(s) verify until %s", kid, superseded, now.plus(verifyGrace));
        reload();
        return new SigningKey(kid, pub, now, null);
    }

    /** Associated data binding an encrypted private key to its {@code kid} (needed to re-encrypt it). */
    public static String privateKeyAad(String kid) {
        return AAD_PREFIX + kid;
    }

    /** Re-reads the table now, e.g. after another instance rotated. */
    public void refresh() {
        reload();
    }

    /** Drops keys retired more than a day ago (called by housekeeping). */
    public int purgeRetired() {
        return store.purgeRetired(clock.instant().minus(Duration.ofDays(1)));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(refreshInterval).isBefore(clock.instant())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.loadedAt().plus(refreshInterval).isBefore(clock.instant())) {
                    s = reload();
                }
            }
        }
        return s;
    }

    private synchronized Snapshot reload() {
        Instant now = clock.instant();
        List<SigningKeyStore.StoredKey> rows = store.verifying(now);
        List<SigningKey> keys = new ArrayList<>(rows.size());
        ActiveKey active = null;
        for (SigningKeyStore.StoredKey row : rows) {
            RSAPublicKey pub = decodePublic(row.publicKey());
            keys.add(new SigningKey(row.kid(), pub, row.createdAt(), row.retireAfter()));
            if (active == null && row.retireAfter() == null) {
                active = activate(row, pub);
            }
        }
        Snapshot s = new Snapshot(List.copyOf(keys), active, now);
        snapshot = s;
        return s;
    }

    private ActiveKey activate(SigningKeyStore.StoredKey row, RSAPublicKey pub) {
        ActiveKey previous = snapshot == null ? null : snapshot.active();
        if (previous != null && previous.kid().equals(row.kid())) {
            return previous;
        }
        try {
            byte[] der = Base64.getDecoder().decode(cipher.decrypt(row.encryptedPrivateKey(), privateKeyAad(row.kid())));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new ActiveKey(row.kid(), key, pub, row.createdAt());
        } catch (GeneralSecurityException | IllegalStateException | IllegalArgumentException e) {
            // Typically the credential key changed: the key still verifies, but a new one must sign.
            LOG.warnf("signing key %s cannot be decrypted (%s); a new key will be created", row.kid(), e.getMessage());
            return null;
        }
    }

    private static RSAPublicKey decodePublic(String b64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored signing key is corrupt", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(RSA_BITS);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}

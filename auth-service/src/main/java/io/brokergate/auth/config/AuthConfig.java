package io.brokergate.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** auth-service settings ({@code brokergate.auth.*}). */
@ConfigMapping(prefix = "brokergate.auth")
public interface AuthConfig {

    /**
     * AES-256 key for broker credentials, base64 (32 bytes). In a cluster it comes from a Secret;
     * when absent, {@link #credentialKeyFile()} is used.
     */
    Optional<String> credentialKey();

    /** File holding the credential key; created with a fresh random key on first start. Default {@code ./data/credential.key}. */
    @WithDefault("./data/credential.key")
    String credentialKeyFile();

    Password password();

    /** Argon2id parameters for user passwords. */
    interface Password {
        /** Memory in KiB; default 19456 (OWASP minimum for Argon2id). */
        @WithDefault("19456")
        int memoryKib();

        /** Passes over memory; default 2. */
        @WithDefault("2")
        int iterations();

        /** Lanes; default 1. */
        @WithDefault("1")
        int parallelism();
    }
}

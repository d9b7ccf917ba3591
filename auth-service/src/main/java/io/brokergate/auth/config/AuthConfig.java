package io.brokergate.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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

    /**
     * Issuer of access tokens ({@code iss}) and, unless {@link #publicBaseUrl()} is set, the public
     * base URL of every OAuth endpoint. Default {@code http://localhost:8080}.
     */
    @WithDefault("http://localhost:8080")
    String issuer();

    /** Public base URL of the OAuth endpoints when it differs from the issuer (e.g. behind an ingress path). */
    Optional<String> publicBaseUrl();

    /**
     * Shared secret other services present to {@code POST /oauth/introspect} with
     * client_secret_basic as {@link #introspectionClientId()} (any tenant; same value as
     * {@code brokergate.security.introspection-secret}). Unset: only admin clients may introspect.
     */
    Optional<String> introspectionSecret();

    /** Client id that goes with {@link #introspectionSecret()}; default {@code brokergate-introspection}. */
    @WithDefault("brokergate-introspection")
    String introspectionClientId();

    /** Token lifetimes ({@code brokergate.auth.tokens.*}). */
    Tokens tokens();

    /** Token signing keys ({@code brokergate.auth.signing-keys.*}). */
    SigningKeys signingKeys();

    /** Interactive login, sessions and brute-force throttling ({@code brokergate.auth.login.*}). */
    Login login();

    /** TradingView's password flow ({@code brokergate.auth.tradingview.*}). */
    TradingView tradingview();

    /** The server-to-server JWT-bearer grant ({@code brokergate.auth.jwt-bearer.*}). */
    JwtBearer jwtBearer();

    /** API keys ({@code brokergate.auth.api-keys.*}). */
    ApiKeys apiKeys();

    /** The admin API ({@code brokergate.auth.admin.*}). */
    Admin admin();

    /** Broker session keeping ({@code brokergate.auth.sessions.*}). */
    Sessions sessions();

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

    /** API key lifetime, verification cache and last-used bookkeeping. */
    interface ApiKeys {
        /** Longest lifetime a new key may have, and the lifetime when none is asked for; default 365 days. */
        @WithDefault("365d")
        Duration maxLifetime();

        /**
         * How long a verification result (valid or not) is reused without reading the database;
         * default 30 s. A revoked key keeps working on other instances for at most this long.
         */
        @WithDefault("30s")
        Duration cacheTtl();

        /** Upper bound of cached verification results; default 10000. */
        @WithDefault("10000")
        int cacheMaxEntries();

        /** last_used_at is written at most this often per key; default 60 s. */
        @WithDefault("60s")
        Duration lastUsedResolution();
    }

    /** Input limits of {@code /v1/admin/**}. */
    interface Admin {
        /** Largest request body accepted, in bytes; default 65536. */
        @WithDefault("65536")
        int maxBodyBytes();

        /**
         * Hosts for which broker endpoints may use plain {@code http}/{@code ws}; every other host
         * needs {@code https}/{@code wss}. Default: loopback only.
         */
        @WithDefault("localhost,127.0.0.1,::1")
        List<String> insecureHosts();
    }

    /** LongPort (and paper exchange) session keeping: token refresh and socket OTPs. */
    interface Sessions {
        /** Whether the refresh schedule runs; default true. */
        @WithDefault("true")
        boolean scheduleEnabled();

        /** Time between scans for tokens near expiry (jittered by ±20%); default 1 h. */
        @WithDefault("1h")
        Duration checkInterval();

        /** A token is refreshed once it expires within this window; default 7 days. */
        @WithDefault("7d")
        Duration refreshWindow();

        /** Lifetime requested for a refreshed token ({@code expired_at}); default 90 days, as the SDK. */
        @WithDefault("90d")
        Duration tokenLifetime();

        /** First retry delay after a failed refresh, doubled per failure; default 1 min. */
        @WithDefault("1m")
        Duration retryInitial();

        /** Longest retry delay; default 1 h. */
        @WithDefault("1h")
        Duration retryMax();

        /** How long one instance holds a connection's refresh before another may take it over; default 2 min. */
        @WithDefault("2m")
        Duration lease();

        /** Timeout of one LongPort REST call; default 30 s. */
        @WithDefault("30s")
        Duration restTimeout();
    }

    /** Lifetimes of what the OAuth server issues. */
    interface Tokens {
        /** Access token lifetime; default 15 min. */
        @WithDefault("15m")
        Duration accessTtl();

        /** Refresh token lifetime, renewed on each rotation; default 30 days. */
        @WithDefault("30d")
        Duration refreshTtl();

        /** Authorization code lifetime; default and maximum 60 s (longer values are capped). */
        @WithDefault("60s")
        Duration codeTtl();

        /** Tolerated clock difference for {@code exp}/{@code nbf}/{@code iat} checks; default 30 s. */
        @WithDefault("30s")
        Duration clockSkew();

        /** How often an instance re-reads the access-token revocation list; default 5 s. */
        @WithDefault("5s")
        Duration revocationRefresh();

        /** Largest accepted form body on the OAuth endpoints, in bytes; default 16384. */
        @WithDefault("16384")
        int maxFormBytes();
    }

    /** RSA key ring for RS256 access tokens. */
    interface SigningKeys {
        /** A new signing key replaces the active one after this long; default 30 days. */
        @WithDefault("30d")
        Duration rotationInterval();

        /** How often an instance re-reads the key ring (keys rotated by another instance); default 60 s. */
        @WithDefault("60s")
        Duration refreshInterval();
    }

    /** Interactive login: session cookie and brute-force throttling. */
    interface Login {
        /** Login session lifetime (for {@code prompt=none}); default 8 h. */
        @WithDefault("8h")
        Duration sessionTtl();

        /**
         * SameSite attribute of the login session cookie: {@code lax} (default), {@code strict} or
         * {@code none}. TradingView's {@code prompt=none} refresh runs in a cross-site iframe,
         * which only receives the cookie with {@code none} (requires https).
         */
        @WithDefault("lax")
        String sessionCookieSameSite();

        /** Failures older than this are forgotten; default 15 min. */
        @WithDefault("15m")
        Duration failureWindow();

        /** Failures for one login before attempts are delayed; default 3. */
        @WithDefault("3")
        int userDelayAfter();

        /** Failures for one login before it is locked; default 10. */
        @WithDefault("10")
        int userLockAfter();

        /** Failures from one source address before its attempts are delayed; default 20. */
        @WithDefault("20")
        int sourceDelayAfter();

        /** Failures from one source address before it is locked; default 100. */
        @WithDefault("100")
        int sourceLockAfter();

        /** First enforced delay, doubled per further failure; default 1 s. */
        @WithDefault("1s")
        Duration baseDelay();

        /** Longest enforced delay between attempts; default 60 s. */
        @WithDefault("60s")
        Duration maxDelay();

        /** How long a locked login or source stays locked; default 15 min. */
        @WithDefault("15m")
        Duration lockDuration();

        /**
         * Argon2id checks running at once (each takes the configured memory, 19 MiB by default), so
         * a login flood cannot exhaust the heap; default: the number of CPU cores. Attempts that
         * cannot start within 5 s are answered "busy".
         */
        Optional<Integer> maxConcurrentHashes();
    }

    /** TradingView's password flow ({@code POST /tv/authorize}), which TradingView never refreshes. */
    interface TradingView {
        /** Lifetime of password-flow tokens; default 30 min (TradingView recommends 15-30 min). */
        @WithDefault("30m")
        Duration tokenTtl();

        /** Scopes a password-flow token carries, intersected with the user's; default quotes:read, accounts:read, trade. */
        @WithDefault("quotes:read,accounts:read,trade")
        List<String> scopes();

        /** {@code client_id} claim of password-flow tokens; default {@code tradingview}. */
        @WithDefault("tradingview")
        String clientId();
    }

    /** TradingView's server-to-server JWT-bearer grant. */
    interface JwtBearer {
        /** Assertions whose {@code exp} lies further ahead are refused; default 1 h. */
        @WithDefault("1h")
        Duration maxAssertionLifetime();

        /** Accepted {@code aud} values besides the token endpoint URL (e.g. the URL behind an ingress rewrite). */
        Optional<List<String>> extraAudiences();

        /** Scopes a JWT-bearer token may carry (data integration only); default quotes:read. */
        @WithDefault("quotes:read")
        List<String> scopes();
    }
}

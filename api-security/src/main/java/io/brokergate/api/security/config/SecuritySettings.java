package io.brokergate.api.security.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How every service verifies callers ({@code brokergate.security.*}). Injected, not looked up:
 * Quarkus only registers a mapping that has an injection point, and the duplicate-registration
 * problem of Quarkus 3.32.1 test mode concerns mappings in application modules, not this library.
 */
@ConfigMapping(prefix = "brokergate.security")
public interface SecuritySettings {

    /**
     * Expected {@code iss} of access tokens. Defaults to auth-service's own
     * {@code brokergate.auth.issuer} (itself {@code http://localhost:8080} by default), so the two
     * agree wherever auth-service runs in the same application; set both in a cluster.
     */
    @WithDefault("${brokergate.auth.issuer:http://localhost:8080}")
    String issuer();

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat} between hosts' clocks; default 30 s. */
    @WithDefault("30s")
    Duration clockSkew();

    /** auth-service's JWKS (cluster mode only); default {@code http://auth-service:8080/oauth/jwks}. */
    @WithDefault("http://auth-service:8080/oauth/jwks")
    String jwksUrl();

    /**
     * Least time between two JWKS fetches caused by unknown {@code kid}s, so forged kids cannot
     * flood auth-service; default 30 s.
     */
    @WithDefault("30s")
    Duration jwksMinRefetchInterval();

    /** Age after which known keys are refreshed in the background, so removed keys stop verifying; default 5 min. */
    @WithDefault("5m")
    Duration jwksMaxAge();

    /** auth-service's RFC 7662 endpoint for API keys (cluster mode only); default {@code http://auth-service:8080/oauth/introspect}. */
    @WithDefault("http://auth-service:8080/oauth/introspect")
    String introspectionUrl();

    /** Client id presented to the introspection endpoint (client_secret_basic); default {@code brokergate-introspection}. */
    @WithDefault("brokergate-introspection")
    String introspectionClientId();

    /**
     * Shared secret for the introspection endpoint, the same value as auth-service's
     * {@code brokergate.auth.introspection-secret}. Without it API keys are refused in cluster mode.
     */
    Optional<String> introspectionSecret();

    /** How long an introspection answer (active or not) is reused; default 30 s. */
    @WithDefault("30s")
    Duration introspectionCacheTtl();

    /** Introspection calls in flight at once per pod; more fail fast rather than queue; default 32. */
    @WithDefault("32")
    int introspectionMaxInFlight();

    /**
     * auth-service's internal account list (cluster mode only), read with the introspection client id and
     * secret; default {@code http://auth-service:8080/internal/v1/accounts}.
     */
    @WithDefault("http://auth-service:8080/internal/v1/accounts")
    String accountsUrl();

    /** How often a standalone pod re-reads the account list, so accounts linked meanwhile appear; default 5 s. */
    @WithDefault("5s")
    Duration accountsRefresh();

    /** Connect and idle timeout of calls to auth-service; default 5 s. */
    @WithDefault("5s")
    Duration httpTimeout();
}

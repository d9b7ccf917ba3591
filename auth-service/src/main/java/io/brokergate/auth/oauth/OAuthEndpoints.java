package io.brokergate.auth.oauth;

import io.brokergate.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Public URLs of the authorization server, from {@code brokergate.auth.public-base-url} or the issuer. */
@ApplicationScoped
public class OAuthEndpoints {

    private final String issuer;
    private final String base;

    public OAuthEndpoints(AuthConfig config) {
        this.issuer = config.issuer();
        String b = config.publicBaseUrl().orElse(config.issuer());
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public String issuer() {
        return issuer;
    }

    public String authorization() {
        return base + "/oauth/authorize";
    }

    /** Also the {@code aud} JWT-bearer assertions must name. */
    public String token() {
        return base + "/oauth/token";
    }

    public String jwks() {
        return base + "/oauth/jwks";
    }

    public String revocation() {
        return base + "/oauth/revoke";
    }

    public String introspection() {
        return base + "/oauth/introspect";
    }

    public String endSession() {
        return base + "/oauth/logout";
    }
}

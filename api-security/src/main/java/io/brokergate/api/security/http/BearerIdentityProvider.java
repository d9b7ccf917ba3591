package io.brokergate.api.security.http;

import io.brokergate.api.security.ApiKeyResolver;
import io.brokergate.api.security.RevocationList;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.InvalidCredentialException;
import io.brokergate.api.security.TokenClaims;
import io.brokergate.api.security.VerificationKeys;
import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.api.security.jwt.AccessTokenVerifier;
import io.brokergate.api.security.jwt.TokenPolicy;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Verifies a bearer credential without blocking: {@code bgk_…} through {@link ApiKeyResolver},
 * anything else as an access token through {@link VerificationKeys}. Which implementations those
 * are depends on the application: in-process beans in auth-service and all-in-one, JWKS and
 * introspection clients in a cluster.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<BearerCredentialRequest> {

    private static final Logger LOG = Logger.getLogger(BearerIdentityProvider.class);

    private final AccessTokenVerifier tokens;
    private final ApiKeyResolver apiKeys;

    public BearerIdentityProvider(VerificationKeys keys, ApiKeyResolver apiKeys, RevocationList revoked,
                                  SecuritySettings settings) {
        this.tokens = new AccessTokenVerifier(keys, new TokenPolicy(settings.issuer(), settings.clockSkew()), revoked);
        this.apiKeys = apiKeys;
    }

    @Override
    public Class<BearerCredentialRequest> getRequestType() {
        return BearerCredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerCredentialRequest request, AuthenticationRequestContext context) {
        String credential = request.credential();
        Uni<Caller> caller = Uni.createFrom().deferred(() -> credential.startsWith(TokenClaims.API_KEY_PREFIX)
                ? apiKeys.resolve(credential).map(BearerIdentityProvider::activeApiKey)
                : tokens.verify(credential));
        return caller.map(Callers::toIdentity).onFailure().transform(BearerIdentityProvider::refusal);
    }

    private static Caller activeApiKey(Optional<Caller> resolved) {
        Caller caller = resolved.orElseThrow(() -> new InvalidCredentialException(CredentialFailure.API_KEY_UNKNOWN));
        if (caller.expiresAt() != null && !caller.expiresAt().isAfter(Instant.now())) {
            throw new InvalidCredentialException(CredentialFailure.API_KEY_EXPIRED);
        }
        return caller;
    }

    /**
     * Quarkus's form of a refusal. A key source or resolver that broke is not the caller's fault:
     * it is reported as such instead of 401.
     */
    private static Throwable refusal(Throwable cause) {
        if (cause instanceof InvalidCredentialException invalid) {
            return invalid.failure().toAuthenticationFailure();
        }
        if (cause instanceof AuthenticationFailedException) {
            return cause; // an in-process resolver refusing in Quarkus's own terms
        }
        // The class only: a message might quote the credential.
        LOG.warnf("credential check could not run: %s", cause.getClass().getName());
        LOG.debug("credential check could not run", cause);
        return CredentialFailure.VERIFIER_UNAVAILABLE.toAuthenticationFailure();
    }
}

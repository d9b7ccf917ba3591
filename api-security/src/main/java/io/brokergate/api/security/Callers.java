package io.brokergate.api.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * The {@link Caller} of a request, from its {@link SecurityIdentity}. Resources protected with
 * {@code @RolesAllowed} call {@code Callers.require(identity)}; the identity's roles are the
 * caller's scopes and its attribute {@link #ATTRIBUTE} holds the caller.
 */
public final class Callers {

    /** Identity attribute holding the {@link Caller}. */
    public static final String ATTRIBUTE = Caller.class.getName();

    private Callers() {
    }

    public static Optional<Caller> find(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return identity.getAttribute(ATTRIBUTE) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /** The caller, or 401 when the request was not authenticated by a Brokergate credential. */
    public static Caller require(SecurityIdentity identity) {
        return find(identity).orElseThrow(UnauthorizedException::new);
    }

    /**
     * The identity of a verified caller: principal = subject, roles = scopes. Public so that
     * in-process credential checks (auth-service) build identities the same way.
     */
    public static SecurityIdentity toIdentity(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.subject()))
                .addRoles(caller.scopes())
                .addAttribute(ATTRIBUTE, caller)
                .build();
    }
}

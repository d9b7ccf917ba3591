package io.brokergate.api.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import java.util.Optional;

/**
 * Why a presented credential was refused. The detail is shown to the client: it says what to fix
 * (renew the token, use another key) without saying anything an attacker could probe with.
 */
public enum CredentialFailure {
    MALFORMED_HEADER("malformed Authorization header"),
    CREDENTIAL_TOO_LONG("credential too long"),
    TOKEN_MALFORMED("token malformed"),
    ALGORITHM_NOT_ACCEPTED("token algorithm not accepted"),
    KEY_ID_MISSING("token has no key id"),
    KEY_UNKNOWN("token signing key unknown"),
    SIGNATURE_INVALID("token signature invalid"),
    TOKEN_EXPIRED("token expired"),
    TOKEN_REVOKED("token revoked"),
    TOKEN_NOT_YET_VALID("token not yet valid"),
    ISSUER_NOT_ACCEPTED("token issuer not accepted"),
    AUDIENCE_NOT_ACCEPTED("token audience not accepted"),
    CLAIMS_INVALID("token claims missing or invalid"),
    TOKEN_INVALID("token invalid"),
    API_KEY_UNKNOWN("unknown API key"),
    API_KEY_EXPIRED("API key expired"),
    /** auth-service could not be asked (cluster mode): not the caller's fault, so not a 401. */
    VERIFIER_UNAVAILABLE("credential could not be checked at the moment; retry later");

    /** Attribute of an {@link AuthenticationFailedException} naming the failure. */
    public static final String ATTRIBUTE = CredentialFailure.class.getName();

    private final String detail;

    CredentialFailure(String detail) {
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }

    /** True when the credential itself was bad (401); false when the check could not run. */
    public boolean callerAtFault() {
        return this != VERIFIER_UNAVAILABLE;
    }

    /** What Quarkus security expects from a mechanism or identity provider that refuses a credential. */
    public AuthenticationFailedException toAuthenticationFailure() {
        return new AuthenticationFailedException(detail, Map.of(ATTRIBUTE, this));
    }

    /** The failure an exception stands for, when it came from api-security. */
    public static Optional<CredentialFailure> of(Throwable failure) {
        if (failure instanceof InvalidCredentialException invalid) {
            return Optional.of(invalid.failure());
        }
        if (failure instanceof AuthenticationFailedException refused
                && refused.getAttribute(ATTRIBUTE) instanceof CredentialFailure f) {
            return Optional.of(f);
        }
        return Optional.empty();
    }
}

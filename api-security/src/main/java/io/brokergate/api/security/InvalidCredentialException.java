package io.brokergate.api.security;

import java.util.Objects;

/**
 * A bearer credential that was presented and refused, as thrown inside verification code.
 * Expected on every bad request, so it carries no stack trace; its message is the client-safe
 * {@link CredentialFailure#detail()}. At the Quarkus boundary it becomes an
 * {@code AuthenticationFailedException} through {@link CredentialFailure#toAuthenticationFailure()}.
 */
public final class InvalidCredentialException extends RuntimeException {

    private final CredentialFailure failure;

    public InvalidCredentialException(CredentialFailure failure) {
        super(Objects.requireNonNull(failure, "failure").detail(), null, false, false);
        this.failure = failure;
    }

    public CredentialFailure failure() {
        return failure;
    }
}

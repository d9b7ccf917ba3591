package io.brokergate.auth.oauth;

/**
 * An RFC 6749 error ({@code error}, {@code error_description}) with its HTTP status. Expected
 * outcomes, so no stack trace is captured.
 */
public final class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    private OAuthError(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    /** 401; the response names the Basic scheme in {@code WWW-Authenticate} (see {@link OAuthResponses#error}). */
    public static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description, 400);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }
}

package io.brokergate.auth.oauth;

import java.util.Set;

/**
 * A validated authorization request: the client is known and the redirect URI is one of its
 * registered ones, so from here on errors go back to the client by redirect.
 *
 * @param redirectUri      the one named by the request, or the client's only registered one
 * @param scopes           requested scopes, already within the client's allowance
 * @param codeChallenge    S256 PKCE challenge or null
 */
public record AuthorizationRequest(OAuthClient client, String redirectUri, ResponseType responseType,
                                   Set<String> scopes, String state, Prompt prompt, String lang, String codeChallenge) {

    /** {@code response_type}: the code flow or the implicit flow. */
    public enum ResponseType { CODE, TOKEN }

    /** OpenID Connect's {@code prompt}: as usual, never show UI, or always show the form. */
    public enum Prompt { DEFAULT, NONE, LOGIN }

    public AuthorizationRequest {
        scopes = Set.copyOf(scopes);
    }

    /** An error response to the client: query for the code flow, fragment for the implicit flow (RFC 6749 §4.1.2.1, §4.2.2.1). */
    public String errorRedirect(String error, String description) {
        return errorRedirect(redirectUri, responseType == ResponseType.TOKEN, error, description, state);
    }

    static String errorRedirect(String redirectUri, boolean fragment, String error, String description, String state) {
        var params = RedirectUris.params("error", error, "error_description", description, "state", state);
        return fragment ? RedirectUris.withFragment(redirectUri, params) : RedirectUris.withQuery(redirectUri, params);
    }
}

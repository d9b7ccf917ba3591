package io.brokergate.auth.oauth;

import io.brokergate.auth.login.LoginText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates authorization requests in the order RFC 6749 §4.1.2.1 prescribes: first the client and
 * its redirect URI — failures there are shown on a page, never redirected, since redirecting to an
 * unverified URI is an open redirect — then everything else, reported to the verified redirect URI.
 */
@ApplicationScoped
public class AuthorizationRequests {

    /** The outcome of validation. */
    public sealed interface Validation {
        record Valid(AuthorizationRequest request) implements Validation { }

        /** Shown on a page: the client or redirect URI could not be trusted. */
        record ShowError(String message) implements Validation { }

        /** Sent to the client's verified redirect URI. */
        record RedirectError(String location) implements Validation { }
    }

    /** Parameters carried from the login page back to the login POST. */
    public static final List<String> CARRIED = List.of("response_type", "client_id", "redirect_uri", "scope", "state",
            "code_challenge", "code_challenge_method", "lang");

    private final ClientStore clients;

    public AuthorizationRequests(ClientStore clients) {
        this.clients = clients;
    }

    public Validation validate(UrlEncodedForm params) {
        LoginText text = LoginText.forLanguage(params.get("lang"));
        if (params.count("client_id") > 1 || params.count("redirect_uri") > 1) {
            return new Validation.ShowError(text.badRequest());
        }
        Optional<OAuthClient> found = clients.find(params.get("client_id"));
        if (found.isEmpty()) {
            return new Validation.ShowError(text.unknownClient());
        }
        OAuthClient client = found.get();
        String redirect = params.get("redirect_uri");
        boolean given = redirect != null;
        if (!given && client.redirectUris().size() == 1) {
            redirect = client.redirectUris().get(0);
        } else if (!given || !client.redirectUris().contains(redirect)) {
            return new Validation.ShowError(text.badRedirect());
        }
        String responseType = params.get("response_type");
        boolean fragment = "token".equals(responseType);
        String state = params.count("state") > 1 ? null : params.get("state");
        Optional<String> repeated = params.repeated();
        if (repeated.isPresent()) {
            return redirectError(redirect, fragment, "invalid_request", "parameter repeated: " + repeated.get(), state);
        }
        AuthorizationRequest.ResponseType type;
        if (responseType == null) {
            return redirectError(redirect, false, "invalid_request", "response_type is required", state);
        } else if (responseType.equals("code")) {
            type = AuthorizationRequest.ResponseType.CODE;
        } else if (responseType.equals("token")) {
            type = AuthorizationRequest.ResponseType.TOKEN;
        } else {
            return redirectError(redirect, false, "unsupported_response_type", "response_type must be code or token", state);
        }
        GrantType needed = type == AuthorizationRequest.ResponseType.CODE ? GrantType.AUTHORIZATION_CODE : GrantType.IMPLICIT;
        if (!client.allows(needed)) {
            return redirectError(redirect, fragment, "unauthorized_client", "this client may not use response_type=" + responseType, state);
        }
        Set<String> scopes;
        try {
            scopes = ScopePolicy.requested(params.get("scope"), client.scopes());
        } catch (OAuthError e) {
            return redirectError(redirect, fragment, e.error(), e.description(), state);
        }
        AuthorizationRequest.Prompt prompt;
        List<String> prompts = params.get("prompt") == null ? List.of() : Arrays.asList(params.get("prompt").split(" "));
        if (prompts.contains("none") && prompts.size() > 1) {
            return redirectError(redirect, fragment, "invalid_request", "prompt=none cannot be combined", state);
        }
        prompt = prompts.contains("none") ? AuthorizationRequest.Prompt.NONE
                : prompts.contains("login") ? AuthorizationRequest.Prompt.LOGIN : AuthorizationRequest.Prompt.DEFAULT;
        String challenge = null;
        if (type == AuthorizationRequest.ResponseType.CODE) {
            challenge = params.get("code_challenge");
            String method = params.get("code_challenge_method");
            if (challenge == null && !client.confidential()) {
                return redirectError(redirect, false, "invalid_request", "code_challenge with code_challenge_method=S256 is required",
                        state);
            }
            if (challenge == null && method != null) {
                return redirectError(redirect, false, "invalid_request", "code_challenge_method without code_challenge", state);
            }
            if (challenge != null && !"S256".equals(method)) {
                return redirectError(redirect, false, "invalid_request", "code_challenge_method must be S256", state);
            }
            if (challenge != null && !Pkce.isChallenge(challenge)) {
                return redirectError(redirect, false, "invalid_request", "malformed code_challenge", state);
            }
        }
        return new Validation.Valid(new AuthorizationRequest(client, redirect, type, scopes, state, prompt, params.get("lang"), challenge));
    }

    private static Validation redirectError(String redirect, boolean fragment, String error, String description, String state) {
        return new Validation.RedirectError(AuthorizationRequest.errorRedirect(redirect, fragment, error, description, state));
    }
}

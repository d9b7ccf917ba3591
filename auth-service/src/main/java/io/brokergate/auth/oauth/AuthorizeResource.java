package io.brokergate.auth.oauth;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.login.LoginCookies;
import io.brokergate.auth.login.LoginOutcome;
import io.brokergate.auth.login.LoginPages;
import io.brokergate.auth.login.LoginSessions;
import io.brokergate.auth.login.LoginText;
import io.brokergate.auth.login.PasswordLogin;
import io.brokergate.auth.login.UserDirectory;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.brokergate.auth.tokens.IssuedAccessToken;
import io.brokergate.auth.tokens.OpaqueSecret;
import io.brokergate.auth.users.User;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint (RFC 6749 §3.1) for the code flow (PKCE S256) and the implicit flow:
 * {@code GET /oauth/authorize} renders the login page or, with a live login session, answers at
 * once ({@code prompt=none} never shows UI); {@code POST /oauth/authorize/login} checks the CSRF
 * token and the credentials. Runs on worker threads (Argon2id, database).
 */
@Path("/oauth/authorize")
public class AuthorizeResource {

    /** Length of {@code OpaqueSecret.newValue("")}: 32 bytes in unpadded base64url. */
    private static final int CSRF_LENGTH = 43;

    private final AuthorizationRequests requests;
    private final PasswordLogin passwords;
    private final LoginSessions sessions;
    private final LoginCookies cookies;
    private final LoginPages pages;
    private final UserDirectory users;
    private final AuthorizationCodes codes;
    private final AccessTokenIssuer issuer;
    private final AuditLog audit;
    private final Duration accessTtl;
    private final int maxFormBytes;

    public AuthorizeResource(AuthorizationRequests requests, PasswordLogin passwords, LoginSessions sessions, LoginCookies cookies,
                             LoginPages pages, UserDirectory users, AuthorizationCodes codes, AccessTokenIssuer issuer, AuditLog audit,
                             AuthConfig config) {
        this.requests = requests;
        this.passwords = passwords;
        this.sessions = sessions;
        this.cookies = cookies;
        this.pages = pages;
        this.users = users;
        this.codes = codes;
        this.issuer = issuer;
        this.audit = audit;
        this.accessTtl = config.tokens().accessTtl();
        this.maxFormBytes = config.tokens().maxFormBytes();
    }

    @GET
    public Response authorize(@Context HttpHeaders headers, @Context HttpServerRequest http) {
        UrlEncodedForm params;
        try {
            params = UrlEncodedForm.parse(http.query(), maxFormBytes);
        } catch (UrlEncodedForm.Malformed e) {
            return pages.error(400, LoginText.EN, LoginText.EN.badRequest());
        }
        AuthorizationRequests.Validation validation = requests.validate(params);
        if (validation instanceof AuthorizationRequests.Validation.Valid v) {
            return withValidRequest(v.request(), params, headers, http);
        }
        return rejected(validation, LoginText.forLanguage(params.get("lang")), 302);
    }

    @POST
    @Path("/login")
    public Response login(String body, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        UrlEncodedForm form;
        try {
            form = UrlEncodedForm.parse(body, maxFormBytes);
        } catch (UrlEncodedForm.Malformed e) {
            return pages.error(400, LoginText.EN, LoginText.EN.badRequest());
        }
        LoginText text = LoginText.forLanguage(form.get("lang"));
        String csrfCookie = LoginCookies.read(headers, LoginCookies.CSRF);
        if (form.count("csrf") != 1 || !OpaqueSecret.sameDigest(csrfCookie, form.get("csrf"))) {
            audit.record(null, "login:" + nullToEmpty(form.get("login")), "login", AuditLog.Outcome.DENIED,
                    "oauth: CSRF token missing or wrong", RequestOrigin.address(http));
            return pages.error(403, text, text.formExpired());
        }
        UrlEncodedForm params = form.subset(AuthorizationRequests.CARRIED);
        AuthorizationRequests.Validation validation = requests.validate(params);
        if (validation instanceof AuthorizationRequests.Validation.Valid v) {
            return checkCredentials(v.request(), params, form, text, headers, http);
        }
        return rejected(validation, text, 303);
    }

    private Response withValidRequest(AuthorizationRequest request, UrlEncodedForm params, HttpHeaders headers, HttpServerRequest http) {
        Optional<User> sessionUser = sessionUser(headers, request.client());
        if (request.prompt() == AuthorizationRequest.Prompt.NONE) {
            return sessionUser.map(u -> complete(request, u, 302, http))
                    .orElseGet(() -> redirect(302, request.errorRedirect("login_required", "no login session")));
        }
        if (request.prompt() == AuthorizationRequest.Prompt.DEFAULT && sessionUser.isPresent()) {
            return complete(request, sessionUser.get(), 302, http);
        }
        return loginForm(200, request, params, null, null, headers, http);
    }

    private Response checkCredentials(AuthorizationRequest request, UrlEncodedForm params, UrlEncodedForm form, LoginText text,
                                      HttpHeaders headers, HttpServerRequest http) {
        String login = form.get("login");
        LoginOutcome outcome = passwords.attempt(login, form.get("password"), RequestOrigin.address(http), request.client().tenantId(),
                "oauth");
        if (outcome instanceof LoginOutcome.Authenticated a) {
            String sessionId = sessions.start(a.user());
            boolean https = RequestOrigin.https(http);
            return complete(request, a.user(), 303, http, cookies.session(sessionId, https), cookies.clearCsrf(https));
        }
        if (outcome instanceof LoginOutcome.Throttled t) {
            return loginForm(429, request, params, login, text.throttled(t.retryAfter(), t.locked()), headers, http);
        }
        if (outcome instanceof LoginOutcome.Busy) {
            return loginForm(503, request, params, login, text.busy(), headers, http);
        }
        return loginForm(200, request, params, login, text.invalidCredentials(), headers, http);
    }

    /** A request that cannot proceed: shown on a page, or reported to the verified redirect URI. */
    private Response rejected(AuthorizationRequests.Validation validation, LoginText text, int redirectStatus) {
        if (validation instanceof AuthorizationRequests.Validation.RedirectError e) {
            return redirect(redirectStatus, e.location());
        }
        return pages.error(400, text, ((AuthorizationRequests.Validation.ShowError) validation).message());
    }

    /**
     * The form with the CSRF token in a cookie and a hidden field. An existing token is reused, so
     * two open sign-in tabs do not invalidate each other.
     */
    private Response loginForm(int status, AuthorizationRequest request, UrlEncodedForm params, String login, String message,
                               HttpHeaders headers, HttpServerRequest http) {
        String existing = LoginCookies.read(headers, LoginCookies.CSRF);
        String csrf = existing != null && existing.length() == CSRF_LENGTH ? existing : OpaqueSecret.newValue("");
        List<LoginPages.HiddenField> hidden = new ArrayList<>();
        for (String name : AuthorizationRequests.CARRIED) {
            if (params.has(name)) {
                hidden.add(new LoginPages.HiddenField(name, params.get(name)));
            }
        }
        return pages.loginForm(status, LoginText.forLanguage(request.lang()), request.client().name(), hidden, csrf, login, message,
                cookies.csrf(csrf, RequestOrigin.https(http)));
    }

    /** Issues the code or the implicit token for an authenticated user and redirects back. */
    private Response complete(AuthorizationRequest request, User user, int status, HttpServerRequest http, NewCookie... extra) {
        OAuthClient client = request.client();
        Set<String> granted = ScopePolicy.narrow(request.scopes(), user.scopes());
        if (granted.isEmpty()) {
            return redirect(status, request.errorRedirect("access_denied", "the user holds none of the requested scopes"), extra);
        }
        String location;
        if (request.responseType() == AuthorizationRequest.ResponseType.CODE) {
            String code = codes.issue(client.clientId(), client.tenantId(), user.id(), request.redirectUri(), granted,
                    request.codeChallenge());
            audit.record(client.tenantId(), "user:" + user.id(), "code.issue", AuditLog.Outcome.SUCCESS, "client " + client.clientId(),
                    RequestOrigin.address(http));
            location = RedirectUris.withQuery(request.redirectUri(), RedirectUris.params("code", code, "state", request.state()));
        } else {
            IssuedAccessToken token = issuer.issue(new AccessTokenRequest(user.id(), client.tenantId(), granted, client.accounts(),
                    client.clientId(), CredentialKind.USER, accessTtl));
            audit.record(client.tenantId(), "user:" + user.id(), "token.issue", AuditLog.Outcome.SUCCESS,
                    "implicit, client " + client.clientId() + ", jti " + token.jti(), RequestOrigin.address(http));
            location = RedirectUris.withFragment(request.redirectUri(), RedirectUris.params("access_token", token.token(),
                    "token_type", "Bearer", "expires_in", Long.toString(token.expiresInSeconds()), "scope", ScopePolicy.join(granted),
                    "state", request.state()));
        }
        return redirect(status, location, extra);
    }

    private Optional<User> sessionUser(HttpHeaders headers, OAuthClient client) {
        return sessions.find(LoginCookies.read(headers, LoginCookies.SESSION))
                .flatMap(s -> users.activeUser(s.userId()))
                .filter(u -> u.tenantId().equals(client.tenantId()));
    }

    private static Response redirect(int status, String location, NewCookie... extra) {
        return Response.status(status).header("Location", location).cookie(extra)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

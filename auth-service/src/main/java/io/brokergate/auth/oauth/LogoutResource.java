package io.brokergate.auth.oauth;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.login.LoginCookies;
import io.brokergate.auth.login.LoginPages;
import io.brokergate.auth.login.LoginSessions;
import io.brokergate.auth.login.LoginText;
import io.brokergate.auth.tokens.RefreshTokens;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /oauth/logout?client_id=…&redirect_uri=…} (TradingView's code-flow logout; also
 * {@code post_logout_redirect_uri} and {@code returnTo}). Ends the login session and, for the
 * named client, revokes the user's refresh-token families, so the integration is really logged
 * out. Redirects only to a URI on the client's logout allow-list (exact match); otherwise it shows
 * a page — never an open redirect.
 */
@Path("/oauth/logout")
public class LogoutResource {

    private final ClientStore clients;
    private final LoginSessions sessions;
    private final LoginCookies cookies;
    private final LoginPages pages;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;

    public LogoutResource(ClientStore clients, LoginSessions sessions, LoginCookies cookies, LoginPages pages, RefreshTokens refreshTokens,
                          AuditLog audit) {
        this.clients = clients;
        this.sessions = sessions;
        this.cookies = cookies;
        this.pages = pages;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
    }

    @GET
    public Response logout(@Context HttpHeaders headers, @Context HttpServerRequest http) {
        UrlEncodedForm params;
        try {
            params = UrlEncodedForm.parse(http.query(), 8192);
        } catch (UrlEncodedForm.Malformed e) {
            params = UrlEncodedForm.empty();
        }
        LoginText text = LoginText.forLanguage(params.get("lang"));
        Optional<OAuthClient> client = params.count("client_id") == 1 ? clients.find(params.get("client_id")) : Optional.empty();
        String sessionId = LoginCookies.read(headers, LoginCookies.SESSION);
        sessions.find(sessionId).ifPresent(s -> {
            sessions.end(sessionId);
            int families = client.filter(c -> c.tenantId().equals(s.tenantId()))
                    .map(c -> refreshTokens.revokeFamiliesOf(c.clientId(), s.userId())).orElse(0);
            audit.record(s.tenantId(), "user:" + s.userId(), "logout", AuditLog.Outcome.SUCCESS,
                    client.map(c -> "client " + c.clientId() + ", " + families + " token families revoked").orElse("no client"),
                    RequestOrigin.address(http));
        });
        NewCookie cleared = cookies.clearSession(RequestOrigin.https(http));
        String target = firstOf(params, "redirect_uri", "post_logout_redirect_uri", "returnTo");
        if (target != null && client.isPresent() && client.get().logoutRedirectUris().contains(target)) {
            String state = params.get("state");
            String location = state == null ? target : RedirectUris.withQuery(target, RedirectUris.params("state", state));
            return Response.status(302).header("Location", location).cookie(cleared).header("Cache-Control", "no-store").build();
        }
        return pages.loggedOut(text, target == null ? null : text.logoutNotRedirected(), cleared);
    }

    private static String firstOf(UrlEncodedForm params, String... names) {
        for (String name : names) {
            if (params.count(name) > 1) {
                return null;
            }
            if (params.has(name)) {
                return params.get(name);
            }
        }
        return null;
    }
}

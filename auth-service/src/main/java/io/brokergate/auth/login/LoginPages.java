package io.brokergate.auth.login;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Server-rendered pages of the authorization server (Qute, HTML-escaped). Every page forbids
 * framing (clickjacking of the login form), caching and referrers, and loads nothing external.
 */
@ApplicationScoped
public class LoginPages {

    /** An authorization request parameter carried through the login form. */
    @TemplateData
    public record HiddenField(String name, String value) {
    }

    /** Where the login form posts: path-absolute, so re-rendering after a failed POST keeps working. */
    public static final String LOGIN_ACTION = "/oauth/authorize/login";

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    private final Template login;
    private final Template error;
    private final Template loggedOut;

    public LoginPages(@Location("oauth/login.html") Template login, @Location("oauth/error.html") Template error,
                      @Location("oauth/logged-out.html") Template loggedOut) {
        this.login = login;
        this.error = error;
        this.loggedOut = loggedOut;
    }

    /** The login form; {@code message} (may be null) explains why it is shown again. */
    public Response loginForm(int status, LoginText text, String clientName, List<HiddenField> hidden, String csrf, String loginValue,
                              String message, NewCookie... cookies) {
        String html = login.data("text", text).data("clientName", clientName).data("hidden", hidden).data("csrf", csrf)
                .data("action", LOGIN_ACTION).data("login", loginValue).data("error", message).render();
        return page(status, html, cookies);
    }

    /** An error shown instead of redirecting (unknown client, unregistered redirect URI, bad form). */
    public Response error(int status, LoginText text, String message) {
        return page(status, error.data("text", text).data("message", message).render());
    }

    public Response loggedOut(LoginText text, String note, NewCookie... cookies) {
        return page(200, loggedOut.data("text", text).data("note", note).render(), cookies);
    }

    private static Response page(int status, String html, NewCookie... cookies) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).cookie(cookies)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}

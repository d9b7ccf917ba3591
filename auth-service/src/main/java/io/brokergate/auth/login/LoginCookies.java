package io.brokergate.auth.login;

import io.brokergate.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;

/**
 * The two cookies of the authorization endpoint. Both are HttpOnly and Secure whenever the
 * server is reached over https.
 * <ul>
 * <li>{@value #CSRF}: the pre-login CSRF token (double submit: the form must carry the same
 * value), SameSite=Strict, scoped to {@code /oauth/authorize}.</li>
 * <li>{@value #SESSION}: the login session for {@code prompt=none}, SameSite from
 * {@code brokergate.auth.login.session-cookie-same-site}, scoped to {@code /oauth}.</li>
 * </ul>
 */
@ApplicationScoped
public class LoginCookies {

    public static final String CSRF = "bg_csrf";
    public static final String SESSION = "bg_session";
    private static final int CSRF_MAX_AGE = 3600;

    private final boolean httpsIssuer;
    private final NewCookie.SameSite sessionSameSite;
    private final int sessionMaxAge;

    public LoginCookies(AuthConfig config) {
        this.httpsIssuer = config.issuer().toLowerCase(Locale.ROOT).startsWith("https:");
        try {
            this.sessionSameSite = NewCookie.SameSite.valueOf(config.login().sessionCookieSameSite().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("brokergate.auth.login.session-cookie-same-site must be lax, strict or none", e);
        }
        this.sessionMaxAge = (int) Math.min(Integer.MAX_VALUE, config.login().sessionTtl().toSeconds());
    }

    public NewCookie csrf(String value, boolean httpsRequest) {
        return cookie(CSRF, value, "/oauth/authorize", NewCookie.SameSite.STRICT, CSRF_MAX_AGE, httpsRequest);
    }

    public NewCookie clearCsrf(boolean httpsRequest) {
        return cookie(CSRF, "", "/oauth/authorize", NewCookie.SameSite.STRICT, 0, httpsRequest);
    }

    public NewCookie session(String value, boolean httpsRequest) {
        return cookie(SESSION, value, "/oauth", sessionSameSite, sessionMaxAge, httpsRequest);
    }

    public NewCookie clearSession(boolean httpsRequest) {
        return cookie(SESSION, "", "/oauth", sessionSameSite, 0, httpsRequest);
    }

    public static String read(HttpHeaders headers, String name) {
        Cookie c = headers.getCookies().get(name);
        return c == null || c.getValue() == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    private NewCookie cookie(String name, String value, String path, NewCookie.SameSite sameSite, int maxAge, boolean httpsRequest) {
        // Browsers drop SameSite=None cookies that are not Secure.
        boolean secure = httpsIssuer || httpsRequest || sameSite == NewCookie.SameSite.NONE;
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(secure).sameSite(sameSite).maxAge(maxAge).build();
    }
}

package io.brokergate.auth.tradingview;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.login.LoginOutcome;
import io.brokergate.auth.login.LoginText;
import io.brokergate.auth.login.PasswordLogin;
import io.brokergate.auth.oauth.RequestOrigin;
import io.brokergate.auth.oauth.ScopePolicy;
import io.brokergate.auth.oauth.UrlEncodedForm;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.brokergate.auth.tokens.AccessTokenVerifier;
import io.brokergate.auth.tokens.IssuedAccessToken;
import io.brokergate.auth.tokens.RefreshTokens;
import io.brokergate.auth.tokens.RevokedAccessTokens;
import io.brokergate.auth.tokens.VerifiedAccessToken;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TradingView's PasswordBearer flow. {@code POST /tv/authorize} answers HTTP 200 both ways, as the
 * Broker API specifies: {@code {"s":"ok","d":{"access_token","expiration"}}} with a new token on
 * every call (TradingView never refreshes it), or {@code {"s":"error","errmsg"}} in the language
 * of {@code locale}. {@code POST /tv/logout} revokes the bearer token (401 without a valid one).
 * Both run on worker threads (Argon2id, database).
 */
@Path("/tv")
public class TradingViewAuthResource {

    private final PasswordLogin passwords;
    private final AccessTokenIssuer issuer;
    private final AccessTokenVerifier verifier;
    private final RevokedAccessTokens revoked;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final Duration ttl;
    private final Set<String> scopes;
    private final String clientId;
    private final int maxFormBytes;

    public TradingViewAuthResource(PasswordLogin passwords, AccessTokenIssuer issuer, AccessTokenVerifier verifier,
                                   RevokedAccessTokens revoked, RefreshTokens refreshTokens, AuditLog audit, AuthConfig config) {
        this.passwords = passwords;
        this.issuer = issuer;
        this.verifier = verifier;
        this.revoked = revoked;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.ttl = config.tradingview().tokenTtl();
        this.scopes = Set.copyOf(config.tradingview().scopes());
        this.clientId = config.tradingview().clientId();
        this.maxFormBytes = config.tokens().maxFormBytes();
    }

    @POST
    @Path("/authorize")
    public Response authorize(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpServerRequest http) {
        UrlEncodedForm form;
        try {
            form = UrlEncodedForm.parse(body, maxFormBytes);
        } catch (UrlEncodedForm.Malformed e) {
            return error(200, "malformed request");
        }
        LoginText text = LoginText.forLanguage(form.get("locale"));
        boolean formBody = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (form.repeated().isPresent() || !formBody) {
            return error(200, text.badRequest());
        }
        if (form.get("login") == null || form.get("password") == null) {
            return error(200, text.invalidCredentials());
        }
        String source = RequestOrigin.address(http);
        LoginOutcome outcome = passwords.attempt(form.get("login"), form.get("password"), source, null, "tradingview");
        if (outcome instanceof LoginOutcome.Throttled t) {
            return error(200, text.throttled(t.retryAfter(), t.locked()));
        }
        if (outcome instanceof LoginOutcome.Busy) {
            return error(200, text.busy());
        }
        if (!(outcome instanceof LoginOutcome.Authenticated a)) {
            return error(200, text.invalidCredentials());
        }
        Set<String> granted = ScopePolicy.narrow(scopes, a.user().scopes());
        if (granted.isEmpty()) {
            return error(200, text.accessDenied());
        }
        IssuedAccessToken token = issuer.issue(new AccessTokenRequest(a.user().id(), a.user().tenantId(), granted, AccountGrant.ALL,
                clientId, CredentialKind.USER, ttl));
        audit.record(a.user().tenantId(), "user:" + a.user().id(), "token.issue", AuditLog.Outcome.SUCCESS,
                "tradingview password, jti " + token.jti(), source);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("access_token", token.token());
        d.put("expiration", token.expiresAt().getEpochSecond());
        return json(200, envelope("ok", "d", d));
    }

    @POST
    @Path("/logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        boolean isBearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String bearer = isBearer ? authorization.substring(7).strip() : null;
        Optional<VerifiedAccessToken> token = bearer == null ? Optional.empty() : verifier.verifyActive(bearer);
        if (token.isEmpty()) {
            return error(401, "unauthorized");
        }
        VerifiedAccessToken t = token.get();
        revoked.revoke(t.jti(), t.expiresAt());
        // A code-flow token also ends its refresh family: logging out must not leave a way back in.
        refreshTokens.familyOfAccessToken(t.jti()).ifPresent(refreshTokens::revokeFamily);
        audit.record(t.tenantId(), "user:" + t.subject(), "token.revoke", AuditLog.Outcome.SUCCESS, "tradingview logout, jti " + t.jti(),
                RequestOrigin.address(http));
        return json(200, envelope("ok", null, null));
    }

    private static Response error(int status, String message) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope("error", "errmsg", message))
                .header("Cache-Control", "no-store");
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"brokergate\"");
        }
        return r.build();
    }

    /** {@code {"s":…}} first, then the payload member: a fixed member order keeps every answer byte-identical. */
    private static Map<String, Object> envelope(String status, String member, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", status);
        if (member != null) {
            body.put(member, value);
        }
        return body;
    }

    private static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).header("Cache-Control", "no-store").build();
    }
}

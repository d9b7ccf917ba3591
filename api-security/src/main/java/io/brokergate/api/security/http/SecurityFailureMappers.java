package io.brokergate.api.security.http;

import io.brokergate.api.problem.Problem;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.SecurityFailure;
import io.brokergate.api.security.SecurityFailureRenderer;
import io.brokergate.core.error.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * 401 and 403 of every service: the status and {@code WWW-Authenticate} challenge of RFC 6750,
 * with a problem+json body (code {@code unauthenticated} / {@code forbidden}) unless a
 * {@link SecurityFailureRenderer} owns the path. These mappers take precedence over Quarkus's
 * built-in ones (which answer with an empty body), with proactive authentication as well.
 */
public class SecurityFailureMappers {

    private static final String AUTHENTICATION_REQUIRED = "authentication required: send Authorization: Bearer <access token or API key>";

    private final List<SecurityFailureRenderer> renderers;

    public SecurityFailureMappers(Instance<SecurityFailureRenderer> renderers) {
        this.renderers = renderers.stream().toList();
    }

    @ServerExceptionMapper
    public Uni<Response> refused(AuthenticationFailedException e, RoutingContext context) {
        HttpSecurityUtils.addAuthenticationFailureToEvent(e, context);
        Optional<CredentialFailure> failure = CredentialFailure.of(e);
        String detail = failure.map(CredentialFailure::detail).orElse("credential refused");
        ErrorCode code = failure.isPresent() && !failure.get().callerAtFault() ? ErrorCode.INTERNAL : ErrorCode.UNAUTHENTICATED;
        return challenge(context).map(c -> respond(context, c, code, detail, Set.of()));
    }

    @ServerExceptionMapper
    public Uni<Response> anonymous(UnauthorizedException e, RoutingContext context) {
        return challenge(context).map(c -> respond(context, c, ErrorCode.UNAUTHENTICATED, AUTHENTICATION_REQUIRED, Set.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext context, SimpleResourceInfo resource) {
        Set<String> scopes = requiredScopes(resource);
        String detail = scopes.isEmpty() ? "insufficient scope"
                : "insufficient scope: requires " + (scopes.size() == 1 ? "scope " : "one of the scopes ") + String.join(", ", scopes);
        ChallengeData challenge = new ChallengeData(403, HttpHeaders.WWW_AUTHENTICATE, BearerChallenges.insufficientScope(scopes));
        return respond(context, challenge, ErrorCode.FORBIDDEN, detail, scopes);
    }

    /** The challenge of the mechanism that ran (other mechanisms keep theirs), else Bearer's. */
    private static Uni<ChallengeData> challenge(RoutingContext context) {
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        ChallengeData own = BearerChallenges.forFailure(HttpSecurityUtils.getAuthenticationFailureFromEvent(context));
        if (authenticator == null) {
            return Uni.createFrom().item(own);
        }
        return authenticator.getChallenge(context).map(c -> c == null ? own : c).onFailure().recoverWithItem(own);
    }

    private Response respond(RoutingContext context, ChallengeData challenge, ErrorCode code, String detail, Set<String> scopes) {
        int status = code == ErrorCode.INTERNAL ? code.httpStatus() : challenge.status;
        String path = context == null ? "" : context.normalizedPath();
        SecurityFailure failure = new SecurityFailure(status, code, detail, scopes);
        Response.ResponseBuilder response = Response.fromResponse(render(failure, path)).status(status);
        if (context != null) {
            // With proactive authentication Quarkus has already written the challenge onto the
            // response; drop it so the header is not sent twice.
            context.response().headers().remove(HttpHeaders.WWW_AUTHENTICATE);
        }
        if (code != ErrorCode.INTERNAL) {
            for (Map.Entry<CharSequence, String> h : challenge.getHeaders().entrySet()) {
                response.header(h.getKey().toString(), h.getValue());
            }
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response render(SecurityFailure failure, String path) {
        for (SecurityFailureRenderer r : renderers) {
            if (r.handles(path)) {
                return r.render(failure, path);
            }
        }
        return Response.status(failure.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(failure.code(), failure.detail(), path)).build();
    }

    /** The scopes of {@code @RolesAllowed} on the method, else on its class; empty when neither says. */
    static Set<String> requiredScopes(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return Set.of();
        }
        RolesAllowed allowed = null;
        try {
            Method m = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            allowed = m.getAnnotation(RolesAllowed.class);
        } catch (NoSuchMethodException | SecurityException ignored) {
            // fall back to the class annotation
        }
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            return Set.of();
        }
        Set<String> scopes = new TreeSet<>(List.of(allowed.value()));
        scopes.remove("**");
        return scopes;
    }
}

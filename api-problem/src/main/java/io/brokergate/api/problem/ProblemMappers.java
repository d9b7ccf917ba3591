package io.brokergate.api.problem;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders every failure of a native-API resource as problem+json: taxonomy errors with their own
 * status, framework errors (unknown path, wrong method, bad JSON, wrong content type) with theirs,
 * and anything unexpected as a 500 that names an incident id but never a stack trace. On a path
 * an {@link ErrorEnvelope} handles, the same failure is rendered in that API's envelope instead.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final List<ErrorEnvelope> envelopes;

    public ProblemMappers(Instance<ErrorEnvelope> envelopes) {
        this.envelopes = envelopes.stream().toList();
    }

    @ServerExceptionMapper
    public Response gateway(GatewayException e, UriInfo uri) {
        Problem problem = Problem.of(e.code(), e.getMessage(), path(uri));
        ErrorEnvelope envelope = envelope(problem.instance());
        Response.ResponseBuilder r = Response.fromResponse(envelope != null ? envelope.render(e, problem) : respond(problem));
        if (e.retryAfter() != null) {
            r.header(HttpHeaders.RETRY_AFTER, Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ErrorCode code = codeFor(status);
        String detail = status == code.httpStatus() && code != ErrorCode.INTERNAL ? frameworkDetail(status) : null;
        Problem p = new Problem(Problem.TYPE_BASE + code.wireName().replace('_', '-'), statusTitle(status), status,
                detail, path(uri), code.wireName(), code.retryable());
        return respond(p);
    }

    /** Unparseable JSON or a value of the wrong type: RESTEasy's own mapper would answer 400 with no body. */
    @ServerExceptionMapper
    public Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(ErrorCode.INVALID_REQUEST, frameworkDetail(400), path(uri)));
    }

    /** Quarkus maps this subtype (a value of the wrong shape) itself unless a closer mapper exists. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s (incident %s)", path(uri), incident);
        return respond(Problem.of(ErrorCode.INTERNAL, "unexpected error; incident " + incident, path(uri)));
    }

    private Response respond(Problem p) {
        ErrorEnvelope envelope = envelope(p.instance());
        return envelope != null ? envelope.render(p) : Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private ErrorEnvelope envelope(String path) {
        for (ErrorEnvelope envelope : envelopes) {
            if (envelope.handles(path)) {
                return envelope;
            }
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404, 405, 406 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.BROKER_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
    }

    private static String frameworkDetail(int status) {
        return switch (status) {
            case 400 -> "the request could not be read: check the JSON syntax and field types";
            case 404 -> "no such resource";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported content type";
            default -> null;
        };
    }

    private static String statusTitle(int status) {
        return switch (status) {
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            default -> codeFor(status).title();
        };
    }
}

package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.brokergate.api.problem.Problem;
import io.brokergate.core.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JSON of the wrong shape (an array where an object belongs, an object where a list of strings
 * belongs, an unreadable date) is a 400 problem on the admin API; Quarkus's built-in mapper would
 * answer an empty 400. The detail names the field, never the offending value. Other paths keep
 * the framework's answer, since their owners decide their error format. (401 and 403 come as
 * problems from api-security's mappers.)
 */
public class AdminProblems {

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (!path.startsWith(AdminBodyLimit.ADMIN_PATH)) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        String field = e.getPath().stream().map(AdminProblems::name).collect(Collectors.joining("."));
        String detail = "the request body does not have the expected JSON shape" + (field.isEmpty() ? "" : " at '" + field + "'");
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(ErrorCode.INVALID_REQUEST, detail, path)).build();
    }

    private static String name(JsonMappingException.Reference ref) {
        if (ref.getFieldName() != null) {
            return Inputs.printable(ref.getFieldName()) && ref.getFieldName().length() <= 64 ? ref.getFieldName() : "?";
        }
        return ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "?";
    }
}

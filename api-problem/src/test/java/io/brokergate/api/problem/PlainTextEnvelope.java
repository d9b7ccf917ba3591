package io.brokergate.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An envelope for the test paths under {@code /test/enveloped/}: the status, and "code: detail" as text. */
@ApplicationScoped
public class PlainTextEnvelope implements ErrorEnvelope {

    @Override
    public boolean handles(String path) {
        return path != null && path.startsWith("/test/enveloped/");
    }

    @Override
    public Response render(Problem problem) {
        return Response.status(problem.status()).type(MediaType.TEXT_PLAIN_TYPE)
                .entity(problem.code() + ": " + (problem.detail() == null ? problem.title() : problem.detail())).build();
    }
}

package io.brokergate.api.problem;

import jakarta.ws.rs.Path;

/** The failures of {@link FailingResource} again, under a path {@link PlainTextEnvelope} owns. */
@Path("/test/enveloped")
public class EnvelopedResource extends FailingResource {
}

package io.brokergate.api.problem;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;

@Path("/test/enveloped")
public class EnvelopedResource {

    @GET
    @Path("/limited")
    public String limited() {
        throw new GatewayException(ErrorCode.RATE_LIMITED, "slow down", Duration.ofSeconds(3));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> echo(Map<String, Object> body) {
        return body;
    }
}

package io.brokergate.api.security.probe;

import io.brokergate.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Stands in for the TradingView facade, whose failures use {@code {"s":"error"}} (rendered by api-security's TradingViewFailureRenderer). */
@Path("/tv/probe")
@Produces(MediaType.APPLICATION_JSON)
public class TradingViewProbeResource {

    @GET
    @RolesAllowed(Scopes.TRADE)
    public String accounts() {
        return "{\"s\":\"ok\",\"d\":[]}";
    }
}

package io.brokergate.api.tradingview.cors;

import io.brokergate.api.tradingview.TradingViewReplies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Stands in for a service's /tv resources, and for one native-API resource. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @GET
    @Path("tv/probe")
    public Map<String, Object> ok() {
        return TradingViewReplies.ok();
    }

    @GET
    @Path("tv/probe/unauthorized")
    public Response unauthorized() {
        return TradingViewReplies.error(401, "unauthorized");
    }

    @POST
    @Path("tv/probe/json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> json(Map<String, Object> body) {
        return TradingViewReplies.ok(body);
    }

    @GET
    @Path("tv/probe/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("v1/probe")
    public Map<String, Object> nativeApi() {
        return Map.of("ok", true);
    }
}

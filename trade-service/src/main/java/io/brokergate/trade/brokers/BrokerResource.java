package io.brokergate.trade.brokers;

import io.brokergate.core.capability.BrokerId;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** {@code GET /v1/brokers}: the capability map of every supported broker (public metadata, no tenant data). */
@Path("/v1/brokers")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class BrokerResource {

    private final BrokerCatalog catalog;

    public BrokerResource(BrokerCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<BrokerView> list() {
        return catalog.all().stream().map(e -> BrokerView.of(e.capabilities(), e.limits())).toList();
    }

    @GET
    @Path("/{broker}")
    public BrokerView get(@PathParam("broker") String broker) {
        BrokerId id = parse(broker);
        return catalog.find(id).map(e -> BrokerView.of(e.capabilities(), e.limits()))
                .orElseThrow(() -> new NotFoundException("unknown broker"));
    }

    private static BrokerId parse(String broker) {
        try {
            return BrokerId.valueOf(broker.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("unknown broker");
        }
    }
}

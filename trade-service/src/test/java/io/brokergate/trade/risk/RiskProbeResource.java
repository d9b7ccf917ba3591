package io.brokergate.trade.risk;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Test-only endpoint standing in for the order path: admits a limit order for 1 share of 700.HK at 1 HKD,
 * so tests see how a refusal renders on the native API (status, Retry-After, problem body).
 */
@Path("/test/risk-probe")
@PermitAll
public class RiskProbeResource {

    private final RiskGate gate;

    public RiskProbeResource(RiskGate gate) {
        this.gate = gate;
    }

    @POST
    @Path("/{tenant}/{account}")
    public String admit(@PathParam("tenant") String tenant, @PathParam("account") String account) {
        gate.admit(new RiskSubject(tenant, account, null), new OrderRequest(account, null, InstrumentId.parse("700.HK"), Side.BUY,
                OrderType.LIMIT, BigDecimal.ONE, BigDecimal.ONE, null, null, null, TimeInForce.DAY, null, false), null, Instant.now());
        return "admitted";
    }
}

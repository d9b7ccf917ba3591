package io.brokergate.sim.longport;

import io.brokergate.sim.server.PaperAccount;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** One authenticated REST call as an endpoint sees it. */
record RestCall(PaperAccount account, RoutingContext ctx, byte[] body) {

    /** First value of a query parameter (decoded), or null. */
    String query(String name) {
        List<String> all = ctx.queryParam(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every value of a repeated query parameter ({@code symbol=A&symbol=B}). */
    List<String> queryAll(String name) {
        return ctx.queryParam(name);
    }

    String requireQuery(String name) {
        String v = query(name);
        if (v == null || v.isBlank()) {
            throw OrderWireMapping.invalid(name + " is required");
        }
        return v;
    }

    String accountNo() {
        return account.accountNo();
    }
}

package io.brokergate.trade.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.api.tradingview.TradingViewReplies;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.GatewayException;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.brokers.BrokerCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * TradingView's per-user endpoints: {@code GET /tv/config}, {@code /tv/accounts}, {@code /tv/userInfo}.
 * {@code locale} is accepted whatever its value (1.4.27's list, 1.4.14's {@code fa_IR} and
 * {@code sv_SE}, anything else); answers are in English.
 */
@Path("/tv")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TradingView")
public class TradingViewSessionResource {

    /** Order-ticket fields whose change makes TradingView ask {@code /orderInfo} again (1.4.27 orderInfoConfig). */
    static final List<String> ORDER_INFO_DEPENDENCIES = List.of("instrument", "qty", "side", "type", "limitPrice", "stopPrice");

    private final TradingViewCallers callers;
    private final TradingAccounts accounts;
    private final BrokerCatalog brokers;

    public TradingViewSessionResource(TradingViewCallers callers, TradingAccounts accounts, BrokerCatalog brokers) {
        this.callers = callers;
        this.accounts = accounts;
        this.brokers = brokers;
    }

    @GET
    @Path("/config")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView configuration", description = "Durations of the caller's brokers, polling intervals, "
            + "the order-info fields (1.4.27).")
    public Map<String, Object> config(@Parameter(description = "Locale; answers are in English") @QueryParam("locale") String locale) {
        List<Capabilities> caps = accounts.visible(callers.caller()).stream().map(callers::capabilities).distinct().toList();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("durations", Durations.union(caps.isEmpty()
                ? brokers.all().stream().map(BrokerCatalog.Entry::capabilities).toList() : caps));
        // Polling is answered from memory (never the broker), so TradingView's fastest rates are fine.
        d.put("pullingInterval", Map.of("quotes", 500, "orders", 500, "positions", 1000, "accountManager", 1000,
                "balances", 1000));
        d.put("orderInfoConfig", Map.of("dependencies", ORDER_INFO_DEPENDENCIES));
        return TradingViewReplies.ok(d);
    }

    @GET
    @Path("/accounts")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView accounts", description = "The caller's accounts with flags derived from each broker's "
            + "capability map.")
    public Map<String, Object> accounts(@QueryParam("locale") String locale) {
        List<Account> visible = accounts.visible(callers.caller());
        if (visible.isEmpty()) {
            throw GatewayException.invalid("No trading account is linked to this login");
        }
        return TradingViewReplies.ok(visible.stream().map(this::account).toList());
    }

    @GET
    @Path("/userInfo")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView user information (1.4.26)")
    public Map<String, Object> userInfo(@QueryParam("locale") String locale) {
        Caller caller = callers.caller();
        return TradingViewReplies.ok(Map.of("id", caller.subject()));
    }

    private Map<String, Object> account(Account a) {
        Capabilities caps = callers.capabilities(a);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name() == null || a.name().isBlank() ? a.id() : a.name());
        m.put("type", a.kind() == AccountKind.LIVE ? "live" : "demo");
        m.put("currency", a.currency());
        m.put("config", TradingViewFlags.of(caps));
        m.put("durations", Durations.of(caps));
        return m;
    }
}

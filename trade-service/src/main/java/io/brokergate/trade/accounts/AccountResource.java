package io.brokergate.trade.accounts;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountResource {

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;

    public AccountResource(SecurityIdentity identity, TradingAccounts accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "The caller's accounts", description = "Accounts of the caller's tenant that its credential was granted.")
    public List<AccountView> list() {
        return accounts.visible(Callers.require(identity)).stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{accountId}")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "One account")
    public AccountView get(@PathParam("accountId") String accountId) {
        return AccountView.of(accounts.require(Callers.require(identity), accountId));
    }
}

package io.brokergate.auth.admin;

import io.brokergate.api.security.Scopes;
import io.brokergate.auth.accounts.AccountStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/admin/accounts}: every trading account of the tenant (link them through a connection). */
@Path("/v1/admin/accounts")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    private final AdminRequest request;
    private final AccountStore accounts;

    public AccountsResource(AdminRequest request, AccountStore accounts) {
        this.request = request;
        this.accounts = accounts;
    }

    @GET
    public List<AccountView> list() {
        return accounts.listByTenant(request.tenantId()).stream().map(AccountView::of).toList();
    }
}

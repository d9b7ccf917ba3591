package io.brokergate.auth.oauth;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Tenants, users and clients for the OAuth tests; every call creates fresh ones so tests never share state. */
@ApplicationScoped
public class OAuthFixtures {

    /** A user with the password it was created with. */
    public record TestUser(User user, String login, String password) {
        public String tenantId() {
            return user.tenantId();
        }
    }

    public static final String REDIRECT = "https://client.example/callback";
    public static final String TV_REDIRECT = "https://www.tradingview.com/oauth/callback";
    public static final String LOGOUT_REDIRECT = "https://www.tradingview.com/trading/logout-redirect/";
    public static final Set<String> TRADING = Set.of("quotes:read", "accounts:read", "trade");

    private final TenantStore tenants;
    private final UserStore users;
    private final ClientStore clients;

    public OAuthFixtures(TenantStore tenants, UserStore users, ClientStore clients) {
        this.tenants = tenants;
        this.users = users;
        this.clients = clients;
    }

    public String tenant() {
        return tenants.create("tenant-" + UUID.randomUUID()).id();
    }

    public TestUser user(String tenantId, Set<String> scopes) {
        String login = "user-" + UUID.randomUUID();
        String password = "pw-" + UUID.randomUUID();
        return new TestUser(users.create(tenantId, login, password, scopes), login, password);
    }

    /** A TradingView-style confidential code-flow client with refresh tokens, implicit and a logout allow-list. */
    public CreatedClient tradingViewClient(String tenantId) {
        return clients.create(tenantId, new ClientSpec("TradingView", true, List.of(TV_REDIRECT, REDIRECT), List.of(LOGOUT_REDIRECT),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.IMPLICIT), TRADING, AccountGrant.ALL, null, null, null));
    }

    /** A public (native/SPA) client: PKCE mandatory. */
    public CreatedClient publicClient(String tenantId) {
        return clients.create(tenantId, new ClientSpec("Native app", false, List.of(REDIRECT), List.of(),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), TRADING, AccountGrant.ALL, null, null, null));
    }

    public CreatedClient serviceClient(String tenantId, Set<String> scopes) {
        return clients.create(tenantId, new ClientSpec("Service", true, List.of(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS), scopes,
                AccountGrant.ALL, null, null, null));
    }

    public CreatedClient create(String tenantId, ClientSpec spec) {
        return clients.create(tenantId, spec);
    }
}
